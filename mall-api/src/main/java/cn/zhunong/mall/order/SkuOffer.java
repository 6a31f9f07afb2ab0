package cn.zhunong.mall.order;

/** What checkout reads about a SKU and its product: the current price, limits and income rule. */
public record SkuOffer(long skuId, long productId, long agencyId, long villageId, String productName, boolean productOnSale,
        boolean skuActive, String spec, String unit, long reportMilliUnits, int weightGrams, long priceFen, int stock,
        int maxPerOrder, Long householdId, boolean perishable, Long shippingTemplateId) {

    public boolean buyable() {
        return productOnSale && skuActive;
    }
}
