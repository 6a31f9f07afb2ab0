package cn.zhunong.mall.catalog.storefront;

import java.time.Instant;

/** A product in a storefront list. */
public record ProductCard(long id, String name, String subtitle, Long minPriceFen, long salesUnits, boolean perishable,
        String coverImageUrl, long villageId, String villageName, String countyName, Instant onSaleAt) {
}
