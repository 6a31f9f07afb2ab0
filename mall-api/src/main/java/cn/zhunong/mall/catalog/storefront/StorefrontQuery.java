package cn.zhunong.mall.catalog.storefront;

import cn.zhunong.mall.catalog.tag.CampaignTagRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Query parameters of GET /products: {@code q} full text (Chinese works), filters, and {@code sort}
 * (sales | price_asc | price_desc | newest; without it, best match first when {@code q} is given,
 * otherwise best-selling first).
 */
public record StorefrontQuery(
        @Size(max = 50) String q,
        @Positive Long villageId,
        @Pattern(regexp = "\\d{6}", message = "须为 6 位数字县级行政区划代码") String countyCode,
        @Positive Long categoryId,
        @Pattern(regexp = CampaignTagRequest.CODE, message = "活动标签代码格式不正确") String campaign,
        @PositiveOrZero @Max(10_000_000_000L) Long minPriceFen,
        @PositiveOrZero @Max(10_000_000_000L) Long maxPriceFen,
        @Pattern(regexp = "sales|price_asc|price_desc|newest", message = "须为 sales、price_asc、price_desc 或 newest") String sort) {
}
