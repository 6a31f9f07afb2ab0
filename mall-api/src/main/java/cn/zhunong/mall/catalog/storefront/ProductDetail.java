package cn.zhunong.mall.catalog.storefront;

import cn.zhunong.mall.catalog.certification.CertificationType;
import cn.zhunong.mall.catalog.image.ImageResponse;
import cn.zhunong.mall.catalog.shipping.ShippingMode;
import cn.zhunong.mall.catalog.sku.SkuUnit;
import cn.zhunong.mall.registry.village.VillageFlagType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A product as buyers see it. {@code sevenDayNoReasonReturn} is false for perishable produce.
 * Stock may be a few minutes old (the detail is cached); ordering checks the real stock.
 */
public record ProductDetail(long id, String name, String subtitle, String description, boolean perishable,
        boolean sevenDayNoReasonReturn, Long minPriceFen, long salesUnits, Instant onSaleAt, CategoryView category,
        List<TagView> campaignTags, List<SkuView> skus, List<CertificationView> certifications, List<ImageResponse> images,
        VillageView village, ShippingView shipping, HouseholdsHelped householdsHelped) {

    public record CategoryView(long id, String name) {
    }

    public record TagView(String code, String name) {
    }

    public record SkuView(long id, String spec, SkuUnit unit, String unitLabel, long reportMilliUnits, int weightGrams,
            long priceFen, int maxPerOrder, int stock, StockState stockState) {
    }

    public enum StockState {
        IN_STOCK,
        LOW,
        SOLD_OUT
    }

    public record CertificationView(CertificationType type, String typeLabel, String number, String issuer,
            LocalDate validFrom, LocalDate validTo) {
    }

    public record VillageView(long id, String name, String townshipName, String countyCode, String countyName,
            List<VillageFlagType> flags) {
    }

    public record ShippingView(ShippingMode mode, long flatFeeFen, long firstKgFeeFen, long extraKgFeeFen, Long freeOverFen,
            List<String> excludedRegions) {
    }

    /**
     * The households the product helps: only the public aliases of those that consented to being
     * shown, and how many others there are. Nothing else about a household ever appears here.
     */
    public record HouseholdsHelped(List<String> publicAliases, int otherCount) {
    }
}
