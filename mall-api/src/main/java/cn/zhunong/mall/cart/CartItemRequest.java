package cn.zhunong.mall.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of PUT /cart/items/{skuId}: the quantity to hold (remove an item with DELETE). */
public record CartItemRequest(
        @NotNull @Min(value = 1, message = "数量至少为 1") @Max(value = 9999, message = "数量不能超过 9999") Integer quantity) {
}
