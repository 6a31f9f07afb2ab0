package cn.zhunong.mall.registry.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record ChangeCategoryRequest(
        @NotNull HouseholdCategory category,
        @NotNull LocalDate effectiveFrom,
        @NotBlank @Size(max = 200) String reason) {
}
