package cn.zhunong.mall.enterprise;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of PUT /admin/enterprise/orgs/{id}/targets/{year}: the year's purchase target in fen. */
public record TargetRequest(@NotNull @Positive @Max(value = 10_000_000_000_000L, message = "目标金额过大") Long targetFen) {
}
