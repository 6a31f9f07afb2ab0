package cn.zhunong.live.web;

import cn.zhunong.common.web.RequestIdFilter;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** problem+json with a stable {@code code}, like mall-api's errors. */
@RestControllerAdvice(basePackageClasses = LiveApiExceptionHandler.class)
public class LiveApiExceptionHandler {

    @ExceptionHandler(LiveApiException.class)
    ResponseEntity<ProblemDetail> live(LiveApiException e) {
        return problem(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "参数 " + e.getName() + " 格式不正确");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录");
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setType(URI.create("https://zhunong.cn/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        String requestId = RequestIdFilter.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
