package cn.zhunong.mall.catalog.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of POST/PUT /agency/products. The origin village decides which agency owns the listing and
 * cannot change on update. {@code perishable}: fresh produce, no 7-day no-reason return.
 */
public record ProductRequest(
        @NotNull @Positive Long villageId,
        @Positive Long categoryId,
        @Positive Long shippingTemplateId,
        @NotBlank @Size(max = 60) String name,
        @Size(max = 120) String subtitle,
        @Size(max = 5000) String description,
        Boolean perishable) {
}
