package cn.zhunong.mall.infra.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Token settings; the secret has no default and must come from the environment in production. */
@Validated
@ConfigurationProperties("zhunong.security")
public record SecurityProperties(
        @NotBlank String jwtSecret,
        @NotNull Duration accessTokenTtl,
        @NotNull Duration refreshTokenTtl,
        @NotNull Integer maxLoginFailures,
        @NotNull Duration lockDuration) {
}
