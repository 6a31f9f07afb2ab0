package cn.zhunong.mall.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling beyond {@code zhunong.security.max-login-failures} / {@code lock-duration}
 * (which apply per account): the per-IP limit is higher, so that one mistyping user behind an
 * office or village NAT does not lock out everyone else there.
 *
 * @param maxFailuresPerIp failed logins from one client address within the window before it is locked
 * @param failureWindow how long failures are remembered (counted from the first one)
 */
@Validated
@ConfigurationProperties("zhunong.security.login")
public record LoginThrottleProperties(
        @DefaultValue("20") @Min(1) int maxFailuresPerIp,
        @DefaultValue("15m") @NotNull Duration failureWindow) {
}
