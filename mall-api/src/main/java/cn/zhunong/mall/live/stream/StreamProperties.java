package cn.zhunong.mall.live.stream;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The CDN live-streaming service: which signing scheme, the push and pull domains, the app name
 * (path segment) and the keys. Keys come from the environment in production.
 *
 * @param provider TENCENT (txSecret/txTime) or ALIYUN (auth_key, type A)
 * @param pushKey key for push URLs (Tencent: 推流防盗链 key; Aliyun: the push domain's auth key)
 * @param pullKey key for playback URLs
 * @param ttl how long a signed URL stays valid
 */
@Validated
@ConfigurationProperties("zhunong.live.stream")
public record StreamProperties(
        @NotNull Provider provider,
        @NotBlank String pushDomain,
        @NotBlank String pullDomain,
        @NotBlank String appName,
        @NotBlank String pushKey,
        @NotBlank String pullKey,
        @NotNull Duration ttl) {

    public enum Provider { TENCENT, ALIYUN }
}
