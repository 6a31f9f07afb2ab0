package cn.zhunong.mall.enterprise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of PUT /agency/skus/{skuId}/price-tiers: the SKU's complete tier list (empty removes them). */
public record PriceTierRequest(@NotNull @Size(max = 10) List<@NotNull @Valid Tier> tiers) {

    public record Tier(
            @NotNull @Min(value = 2, message = "起订数量至少为 2") @Max(value = 999_999, message = "起订数量过大") Integer minQuantity,
            @NotNull @Positive @Max(value = 100_000_000L, message = "单价过高") Long unitPriceFen) {
    }
}
