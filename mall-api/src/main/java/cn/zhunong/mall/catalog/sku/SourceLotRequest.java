package cn.zhunong.mall.catalog.sku;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;

/**
 * Body of POST .../skus/{skuId}/lots: a household of the product's village supplied {@code unitsSupplied}
 * units and earns either {@code purchasePriceFen} per unit (收购价) or {@code incomeShareBp} basis points
 * of each sale — exactly one of the two.
 */
public record SourceLotRequest(
        @NotNull @Positive Long householdId,
        @NotNull @Positive @Max(10_000_000) Integer unitsSupplied,
        @PositiveOrZero @Max(10_000_000_000L) Long purchasePriceFen,
        @Min(1) @Max(10_000) Integer incomeShareBp,
        @NotNull LocalDate receivedOn) {
}
