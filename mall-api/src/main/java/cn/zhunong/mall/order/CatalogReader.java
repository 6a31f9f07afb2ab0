package cn.zhunong.mall.order;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the catalog tables (owned by the catalog feature, schema V5) the way checkout needs them.
 * Plain SQL keeps orders independent of the catalog feature's Java classes.
 */
@Component
public class CatalogReader {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CatalogReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Map<Long, SkuOffer> offers(Collection<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, SkuOffer> offers = new HashMap<>();
        jdbc.query("SELECT s.id, s.product_id, p.agency_id, p.village_id, p.name, p.status AS product_status, "
                        + "s.status AS sku_status, s.spec, s.unit, s.report_milli_units, s.weight_grams, s.price_fen, s.stock, "
                        + "s.max_per_order, s.household_id, p.perishable, p.shipping_template_id "
                        + "FROM sku s JOIN product p ON p.id = s.product_id WHERE s.id IN (" + marks(skuIds.size()) + ")",
                rs -> {
                    SkuOffer offer = new SkuOffer(rs.getLong("id"), rs.getLong("product_id"), rs.getLong("agency_id"),
                            rs.getLong("village_id"), rs.getString("name"), "ON_SALE".equals(rs.getString("product_status")),
                            "ACTIVE".equals(rs.getString("sku_status")), rs.getString("spec"), rs.getString("unit"),
                            rs.getLong("report_milli_units"), rs.getInt("weight_grams"), rs.getLong("price_fen"),
                            rs.getInt("stock"), rs.getInt("max_per_order"), rs.getObject("household_id", Long.class),
                            rs.getBoolean("perishable"), rs.getObject("shipping_template_id", Long.class));
                    offers.put(offer.skuId(), offer);
                }, skuIds.toArray());
        return offers;
    }

    public Map<Long, ShippingRule> shippingRules(Collection<Long> templateIds) {
        if (templateIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ShippingRule> rules = new HashMap<>();
        jdbc.query("SELECT id, mode, flat_fee_fen, first_kg_fee_fen, extra_kg_fee_fen, free_over_fen, excluded_regions "
                        + "FROM shipping_template WHERE id IN (" + marks(templateIds.size()) + ")",
                rs -> {
                    ShippingRule rule = new ShippingRule(rs.getLong("id"), ShippingRule.Mode.valueOf(rs.getString("mode")),
                            rs.getLong("flat_fee_fen"), rs.getLong("first_kg_fee_fen"), rs.getLong("extra_kg_fee_fen"),
                            rs.getObject("free_over_fen", Long.class), regions(rs.getString("excluded_regions")));
                    rules.put(rule.id(), rule);
                }, templateIds.toArray());
        return rules;
    }

    /** The lots of these SKUs that still have unallocated units, oldest first (the FIFO order). */
    public Map<Long, List<IncomeLot>> openLots(Collection<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<IncomeLot>> lots = new LinkedHashMap<>();
        jdbc.query("SELECT id, sku_id, household_id, purchase_price_fen, income_share_bp, units_supplied - units_allocated AS open_units "
                        + "FROM source_lot WHERE sku_id IN (" + marks(skuIds.size()) + ") AND units_allocated < units_supplied "
                        + "ORDER BY sku_id, received_on, id",
                rs -> {
                    lots.computeIfAbsent(rs.getLong("sku_id"), k -> new java.util.ArrayList<>())
                            .add(new IncomeLot(rs.getLong("id"), rs.getLong("household_id"),
                                    rs.getObject("purchase_price_fen", Long.class), rs.getObject("income_share_bp", Integer.class),
                                    rs.getInt("open_units")));
                }, skuIds.toArray());
        return lots;
    }

    private Set<String> regions(String excluded) {
        if (excluded == null || excluded.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(json.readValue(excluded, String[].class)).collect(Collectors.toUnmodifiableSet());
    }

    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
