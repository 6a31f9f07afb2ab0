package cn.zhunong.mall.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** What posting needs from the catalog and the registry: read with plain SQL, many ids per query. */
@Component
class LedgerLookups {

    private final NamedParameterJdbcTemplate named;

    LedgerLookups(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** The SKU's product, the product's origin village and the 斤 conversion of one unit. */
    record SkuInfo(long skuId, long productId, long villageId, long reportMilliUnits) {
    }

    Map<Long, SkuInfo> skus(Collection<Long> skuIds) {
        Map<Long, SkuInfo> found = new HashMap<>();
        if (skuIds.isEmpty()) {
            return found;
        }
        named.query("SELECT s.id, s.product_id, p.village_id, s.report_milli_units FROM sku s "
                + "JOIN product p ON p.id = s.product_id WHERE s.id IN (:ids)", new MapSqlParameterSource("ids", skuIds),
                rs -> {
                    found.put(rs.getLong(1), new SkuInfo(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return found;
    }

    /** household id -> its village id. */
    Map<Long, Long> householdVillages(Collection<Long> householdIds) {
        Map<Long, Long> found = new HashMap<>();
        if (householdIds.isEmpty()) {
            return found;
        }
        named.query("SELECT id, village_id FROM household WHERE id IN (:ids)", new MapSqlParameterSource("ids", householdIds),
                rs -> {
                    found.put(rs.getLong(1), rs.getLong(2));
                });
        return found;
    }
}
