package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.order.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of opening or joining a group: how many units and where to. The price is the activity's. */
public record GroupOrderRequest(
        @NotNull @Min(value = 1, message = "数量至少为 1") @Max(value = 999, message = "数量不能超过 999") Integer quantity,
        @NotNull @Valid ShippingAddress address,
        @Size(max = 200) String note) {
}
