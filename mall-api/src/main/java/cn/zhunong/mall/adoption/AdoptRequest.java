package cn.zhunong.mall.adoption;

import cn.zhunong.mall.order.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /adoption-offers/{id}/adoptions: how many items, and where the harvest goes. */
public record AdoptRequest(
        @NotNull @Min(value = 1, message = "认购份数至少为 1") @Max(value = 99, message = "每次最多认购 99 份") Integer items,
        @NotNull @Valid ShippingAddress address,
        @Size(max = 200) String note) {
}
