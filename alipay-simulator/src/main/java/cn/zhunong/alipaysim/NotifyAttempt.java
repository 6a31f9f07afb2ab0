package cn.zhunong.alipaysim;

import java.time.Instant;

/**
 * One HTTP POST of a notify.
 *
 * @param httpStatus -1 when no HTTP answer came (connection refused, timeout)
 */
public record NotifyAttempt(int number, Instant at, int httpStatus, String responseBody, String error) {

    /** Alipay's rule: the merchant must answer exactly {@code success} (surrounding blanks are ignored). */
    public boolean acknowledged() {
        return httpStatus == 200 && responseBody != null && responseBody.trim().equals("success");
    }
}
