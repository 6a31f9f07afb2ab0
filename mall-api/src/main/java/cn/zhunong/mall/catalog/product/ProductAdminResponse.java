package cn.zhunong.mall.catalog.product;

import cn.zhunong.mall.catalog.certification.CertificationResponse;
import cn.zhunong.mall.catalog.image.ImageResponse;
import cn.zhunong.mall.catalog.sku.SkuResponse;
import cn.zhunong.mall.catalog.tag.CampaignTagResponse;
import java.time.Instant;
import java.util.List;

/** A listing as agency staff see it: everything, including stock, lots and the households behind them. */
public record ProductAdminResponse(long id, long agencyId, long villageId, String villageName, Long categoryId,
        Long shippingTemplateId, String name, String subtitle, String description, boolean perishable,
        ProductStatus status, OffSaleReason offSaleReason, long salesUnits, Long minPriceFen, Instant onSaleAt,
        List<CampaignTagResponse> campaignTags, List<SkuResponse> skus, List<CertificationResponse> certifications,
        List<ImageResponse> images, boolean writable, Instant createdAt, Instant updatedAt) {
}
