package cn.zhunong.mall.registry.agency;

import cn.zhunong.mall.registry.validation.ValidCreditCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /agencies and PUT /agencies/{id} (a PUT replaces every field). */
public record AgencyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull AgencyType type,
        @NotBlank @ValidCreditCode String creditCode,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "须为 6 位数字行政区划代码") String regionCode,
        @Size(max = 50) String contactName) {
}
