package cn.zhunong.mall.fair;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** One SKU sold at the fair, at the unit price actually charged. */
public record FairSaleItem(
        @NotNull @Positive Long skuId,
        @NotNull @Min(value = 1, message = "数量至少为 1") @Max(value = 9999, message = "数量不能超过 9999") Integer quantity,
        @NotNull @Min(value = 1, message = "单价须大于 0") @Max(10_000_000_000L) Long unitPriceFen) {
}
