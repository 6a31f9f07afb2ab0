package cn.zhunong.mall.catalog.product;

import java.time.Instant;

/** A line of the staff product list. */
public record ProductSummary(long id, long villageId, String villageName, String name, ProductStatus status,
        OffSaleReason offSaleReason, Long minPriceFen, long salesUnits, boolean writable, Instant updatedAt) {
}
