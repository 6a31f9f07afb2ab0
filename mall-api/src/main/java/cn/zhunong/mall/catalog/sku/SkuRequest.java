package cn.zhunong.mall.catalog.sku;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of POST/PUT /agency/products/{id}/skus. {@code reportMilliUnits}: one unit in thousandths of
 * a 斤 (fixed for 斤 and 公斤, may be left out; 1 箱 = 10 斤 → 10000). {@code stock} is the starting
 * stock on create only; afterwards stock changes through stock adjustments. {@code householdId}: all
 * income of the SKU goes to this household of the product's village.
 */
public record SkuRequest(
        @NotBlank @Size(max = 60) String spec,
        @NotNull SkuUnit unit,
        @PositiveOrZero @Max(1_000_000_000L) Long reportMilliUnits,
        @NotNull @PositiveOrZero @Max(100_000) Integer weightGrams,
        @NotNull @Positive @Max(10_000_000_000L) Long priceFen,
        @PositiveOrZero @Max(10_000_000) Integer stock,
        @Min(1) @Max(9999) Integer maxPerOrder,
        @Positive Long householdId,
        SkuStatus status) {
}
