package cn.zhunong.mall.catalog.image;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Image storage settings (zhunong.storage).
 *
 * @param localDir      the folder the local-filesystem storage writes to
 * @param maxImageBytes the largest image accepted; keep it below spring.servlet.multipart.max-file-size
 */
@Validated
@ConfigurationProperties("zhunong.storage")
public record StorageProperties(
        @NotBlank @DefaultValue("./.data/uploads") String localDir,
        @Min(1024) @Max(5 * 1024 * 1024) @DefaultValue("2097152") long maxImageBytes) {
}
