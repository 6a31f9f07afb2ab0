package cn.zhunong.mall.order;

import java.util.List;

/**
 * What checkout reads about a SKU and its product: the current price, limits and income rule.
 *
 * @param openLots the SKU's source lots with unallocated units, oldest first — read only when asked
 *                 for (placing an order) and only for SKUs without a household; otherwise empty
 */
public record SkuOffer(long skuId, long productId, long agencyId, long villageId, String productName, boolean productOnSale,
        boolean skuActive, String spec, String unit, long reportMilliUnits, int weightGrams, long priceFen, int stock,
        int maxPerOrder, Long householdId, boolean perishable, Long shippingTemplateId, List<IncomeLot> openLots) {

    /** The same offer at another unit price (a server-side special price: 拼团, flash sale). */
    public SkuOffer withPrice(long unitPriceFen) {
        return new SkuOffer(skuId, productId, agencyId, villageId, productName, productOnSale, skuActive, spec, unit,
                reportMilliUnits, weightGrams, unitPriceFen, stock, maxPerOrder, householdId, perishable, shippingTemplateId,
                openLots);
    }

    /** The same offer with other lots (e.g. an unmodifiable copy, to share between threads). */
    public SkuOffer withLots(List<IncomeLot> lots) {
        return new SkuOffer(skuId, productId, agencyId, villageId, productName, productOnSale, skuActive, spec, unit,
                reportMilliUnits, weightGrams, priceFen, stock, maxPerOrder, householdId, perishable, shippingTemplateId, lots);
    }

    public boolean buyable() {
        return productOnSale && skuActive;
    }
}
