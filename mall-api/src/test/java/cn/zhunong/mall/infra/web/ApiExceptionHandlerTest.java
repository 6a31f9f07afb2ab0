package cn.zhunong.mall.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiExceptionHandlerTest {

    @Test
    void aLockConflictThatOutlivedItsRetriesIsAnsweredAsRetryableNotAsAServerError() {
        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler()
                .busy(new CannotAcquireLockException("Lock wait timeout exceeded"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "BUSY_TRY_AGAIN");
    }
}
