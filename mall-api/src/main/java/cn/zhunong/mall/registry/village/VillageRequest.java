package cn.zhunong.mall.registry.village;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of POST /villages and PUT /villages/{id} (a PUT replaces every field; changing
 * {@code agencyId} moves the village and needs write access to both agencies).
 */
public record VillageRequest(
        @NotNull @Positive Long agencyId,
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Pattern(regexp = "\\d{12}", message = "须为 12 位数字行政区划代码") String divisionCode,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "须为 6 位数字县级行政区划代码") String countyCode,
        @NotBlank @Size(max = 50) String countyName,
        @Size(max = 50) String townshipName) {
}
