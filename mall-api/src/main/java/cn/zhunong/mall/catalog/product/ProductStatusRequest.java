package cn.zhunong.mall.catalog.product;

import jakarta.validation.constraints.NotNull;

/** Body of PUT /agency/products/{id}/status: ON_SALE (from DRAFT or OFF_SALE) or OFF_SALE (from ON_SALE). */
public record ProductStatusRequest(@NotNull ProductStatus status) {
}
