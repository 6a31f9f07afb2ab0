package cn.zhunong.mall.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** One SKU and how many units. There is no price field: prices come from the catalog only. */
public record OrderItemRequest(
        @NotNull @Positive Long skuId,
        @NotNull @Min(value = 1, message = "数量至少为 1") @Max(value = 9999, message = "数量不能超过 9999") Integer quantity) {
}
