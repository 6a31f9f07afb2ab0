package cn.zhunong.mall.catalog.shipping;

import jakarta.validation.constraints.Positive;

/** Query parameters of GET /agency/shipping-templates. */
public record ShippingTemplateFilter(@Positive Long agencyId) {
}
