package cn.zhunong.mall.fair;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of POST /agency/fairs.
 *
 * @param contactPhone the on-site contact: the fair's orders carry it as their receiver phone (stored encrypted)
 */
public record CreateFairRequest(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Size(max = 200) String place,
        @NotNull LocalDate date,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Positive Long> villageIds,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "须为 1–32 位字母、数字、下划线或连字符") String campaignCode,
        @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "须为 11 位手机号") String contactPhone) {
}
