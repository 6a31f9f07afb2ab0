package cn.zhunong.mall.enterprise;

import java.util.List;

/** The unit price of a quantity: the tier with the highest threshold reached, never above the SKU price. */
final class TierPricing {

    private TierPricing() {
    }

    static long unitPrice(long skuPriceFen, List<PriceTier> tiers, int quantity) {
        long price = skuPriceFen;
        int reached = 0;
        for (PriceTier tier : tiers) {
            if (quantity >= tier.minQuantity() && tier.minQuantity() > reached) {
                reached = tier.minQuantity();
                price = tier.unitPriceFen();
            }
        }
        // the SKU may have become cheaper than a tier set earlier
        return Math.min(price, skuPriceFen);
    }
}
