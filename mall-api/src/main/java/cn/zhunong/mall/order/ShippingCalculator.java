package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The shipping fee of an order. Lines sharing a template form one parcel, priced by that
 * template on the parcel's goods total and weight; the order pays the sum over its parcels.
 * Pure: no Spring, no database.
 */
public final class ShippingCalculator {

    private static final long GRAMS_PER_KG = 1000;

    private ShippingCalculator() {
    }

    /** One parcel: the lines of one template. */
    public record Parcel(ShippingRule rule, long goodsFen, long weightGrams) {
    }

    public static long fee(List<Parcel> parcels, String provinceCode) {
        long total = 0;
        for (Parcel parcel : parcels) {
            total = Math.addExact(total, fee(parcel, provinceCode));
        }
        return total;
    }

    public static long fee(Parcel parcel, String provinceCode) {
        ShippingRule rule = parcel.rule();
        if (rule.excludedRegions().contains(provinceCode)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "REGION_NOT_SERVED", "该商品不配送到收货地址所在省份");
        }
        if (rule.freeOverFen() != null && parcel.goodsFen() >= rule.freeOverFen()) {
            return 0;
        }
        return switch (rule.mode()) {
            case FREE -> 0;
            case FLAT -> rule.flatFeeFen();
            case BY_WEIGHT -> byWeight(rule, parcel.weightGrams());
        };
    }

    /** The first kilogram (or less) costs the first-kg fee; each started further kilogram the extra fee. */
    private static long byWeight(ShippingRule rule, long grams) {
        long extraGrams = Math.max(0, grams - GRAMS_PER_KG);
        long extraKgs = (extraGrams + GRAMS_PER_KG - 1) / GRAMS_PER_KG;
        return Math.addExact(rule.firstKgFeeFen(), Math.multiplyExact(extraKgs, rule.extraKgFeeFen()));
    }
}
