package cn.zhunong.mall.infra.crypto;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Keys for personal data, base64 of 32 random bytes each, from the environment in production.
 * The encryption key and the de-duplication hash key are separate so that one leaking does not
 * expose the other's purpose.
 */
@Validated
@ConfigurationProperties("zhunong.pii")
public record PiiProperties(@NotBlank String encryptionKey, @NotBlank String hashKey) {
}
