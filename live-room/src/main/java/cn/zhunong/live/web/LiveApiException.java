package cn.zhunong.live.web;

import org.springframework.http.HttpStatus;

/** A client error of live-room's REST endpoints: status, stable code, Chinese message. */
public class LiveApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public LiveApiException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
