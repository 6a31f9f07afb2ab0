package cn.zhunong.mall.catalog.product;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Query parameters of GET /agency/products: name contains {@code q}. */
public record ProductFilter(@Positive Long villageId, ProductStatus status, @Size(max = 60) String q) {
}
