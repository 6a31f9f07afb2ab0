package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.web.ApiException;
import org.springframework.http.HttpStatus;

/** 429 LOGIN_LOCKED: too many failed logins for the account or the client address. */
public class LoginLockedException extends ApiException {

    private final long retryAfterSeconds;

    public LoginLockedException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "LOGIN_LOCKED",
                "登录失败次数过多，请 " + Math.max(1, (retryAfterSeconds + 59) / 60) + " 分钟后再试");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
