package cn.zhunong.mall.enterprise;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** sku_price_tier rows, and the SKU facts a tier is checked against. */
@Component
class PriceTierStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    PriceTierStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The SKU's agency (its product's) and price. */
    record SkuRef(long skuId, long agencyId, long priceFen) {
    }

    SkuRef sku(long skuId) {
        return jdbc.query("SELECT s.id, p.agency_id, s.price_fen FROM sku s JOIN product p ON p.id = s.product_id WHERE s.id = ?",
                (rs, n) -> new SkuRef(rs.getLong(1), rs.getLong(2), rs.getLong(3)), skuId).stream().findFirst().orElse(null);
    }

    /** SKU row locked: concurrent replacements of one SKU's tiers run one after the other. */
    void lockSku(long skuId) {
        jdbc.queryForList("SELECT id FROM sku WHERE id = ? FOR UPDATE", Long.class, skuId);
    }

    List<PriceTier> tiers(long skuId) {
        return jdbc.query("SELECT min_quantity, unit_price_fen FROM sku_price_tier WHERE sku_id = ? ORDER BY min_quantity",
                (rs, n) -> new PriceTier(rs.getInt(1), rs.getLong(2)), skuId);
    }

    Map<Long, List<PriceTier>> tiers(Collection<Long> skuIds) {
        Map<Long, List<PriceTier>> result = new HashMap<>();
        if (skuIds.isEmpty()) {
            return result;
        }
        named.query("SELECT sku_id, min_quantity, unit_price_fen FROM sku_price_tier WHERE sku_id IN (:ids) ORDER BY min_quantity",
                new MapSqlParameterSource("ids", skuIds), rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(new PriceTier(rs.getInt(2), rs.getLong(3)));
                });
        return result;
    }

    void replace(SkuRef sku, List<PriceTier> tiers, long userId, Instant now) {
        jdbc.update("DELETE FROM sku_price_tier WHERE sku_id = ?", sku.skuId());
        jdbc.batchUpdate("INSERT INTO sku_price_tier (sku_id, agency_id, min_quantity, unit_price_fen, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", tiers.stream().map(t -> new Object[] {sku.skuId(), sku.agencyId(),
                        t.minQuantity(), t.unitPriceFen(), userId, Timestamp.from(now)}).toList());
    }
}
