package cn.zhunong.mall.order;

import java.util.Set;

/**
 * A shipping template as the calculator needs it (table shipping_template).
 *
 * @param mode FREE, FLAT (one fee per parcel) or BY_WEIGHT (first kg + each started further kg)
 * @param freeOverFen free shipping when the parcel's goods total reaches this; null = never
 * @param excludedRegions 2-digit province codes not served
 */
public record ShippingRule(long id, Mode mode, long flatFeeFen, long firstKgFeeFen, long extraKgFeeFen, Long freeOverFen,
        Set<String> excludedRegions) {

    public enum Mode { FREE, FLAT, BY_WEIGHT }

    /** Lines without a template ship free and everywhere. */
    public static final ShippingRule NONE = new ShippingRule(0, Mode.FREE, 0, 0, 0, null, Set.of());
}
