package cn.zhunong.mall.catalog.sku;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of POST .../skus/{skuId}/stock-adjustments: units to add (negative to remove). */
public record StockAdjustmentRequest(@NotNull @Min(-10_000_000) @Max(10_000_000) Integer delta) {
}
