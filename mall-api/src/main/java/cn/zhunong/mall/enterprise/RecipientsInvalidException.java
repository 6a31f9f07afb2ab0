package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A recipient file with bad rows: nothing was stored; every bad row is listed. */
class RecipientsInvalidException extends ApiException {

    private final transient List<RecipientCsv.RowError> rowErrors;
    private final int rows;

    RecipientsInvalidException(int rows, List<RecipientCsv.RowError> rowErrors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "RECIPIENTS_INVALID", "收货人文件有 " + rowErrors.stream()
                .mapToLong(RecipientCsv.RowError::line).distinct().count() + " 行错误，请修改后重新上传（未导入任何收货人）");
        this.rowErrors = List.copyOf(rowErrors);
        this.rows = rows;
    }

    List<RecipientCsv.RowError> rowErrors() {
        return rowErrors;
    }

    int rows() {
        return rows;
    }
}
