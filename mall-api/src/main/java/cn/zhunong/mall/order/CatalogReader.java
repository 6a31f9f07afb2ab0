package cn.zhunong.mall.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        return offers(skuIds, false);
    }

    /**
     * The SKUs with their products; with {@code withLots} also the open source lots of SKUs that
     * have no household, in the same round trip (one row per lot).
     */
    public Map<Long, SkuOffer> offers(Collection<Long> skuIds, boolean withLots) {
        if (skuIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, SkuOffer> offers = new TreeMap<>(); // by SKU id, as the rows came before: no ORDER BY now
        Map<Long, LocalDate> lotReceivedOn = new HashMap<>();
        String lots = withLots
                ? ", l.id AS lot_id, l.household_id AS lot_household_id, l.purchase_price_fen, l.income_share_bp, "
                        + "l.units_supplied - l.units_allocated AS open_units, l.received_on "
                : " ";
        String join = withLots
                ? "LEFT JOIN source_lot l ON l.sku_id = s.id AND s.household_id IS NULL AND l.units_allocated < l.units_supplied "
                : "";
        jdbc.query("SELECT s.id, s.product_id, p.agency_id, p.village_id, p.name, p.status AS product_status, "
                        + "s.status AS sku_status, s.spec, s.unit, s.report_milli_units, s.weight_grams, s.price_fen, s.stock, "
                        + "s.max_per_order, s.household_id, p.perishable, p.shipping_template_id" + lots
                        + "FROM sku s JOIN product p ON p.id = s.product_id " + join
                        + "WHERE s.id IN (" + marks(skuIds.size()) + ")",
                rs -> {
                    long skuId = rs.getLong("id");
                    SkuOffer offer = offers.get(skuId);
                    if (offer == null) {
                        offer = new SkuOffer(skuId, rs.getLong("product_id"), rs.getLong("agency_id"),
                                rs.getLong("village_id"), rs.getString("name"), "ON_SALE".equals(rs.getString("product_status")),
                                "ACTIVE".equals(rs.getString("sku_status")), rs.getString("spec"), rs.getString("unit"),
                                rs.getLong("report_milli_units"), rs.getInt("weight_grams"), rs.getLong("price_fen"),
                                rs.getInt("stock"), rs.getInt("max_per_order"), rs.getObject("household_id", Long.class),
                                rs.getBoolean("perishable"), rs.getObject("shipping_template_id", Long.class), new ArrayList<>());
                        offers.put(skuId, offer);
                    }
                    Long lotId = withLots ? rs.getObject("lot_id", Long.class) : null;
                    if (lotId != null) {
                        lotReceivedOn.put(lotId, rs.getObject("received_on", LocalDate.class));
                        offer.openLots().add(new IncomeLot(lotId, rs.getLong("lot_household_id"),
                                rs.getObject("purchase_price_fen", Long.class), rs.getObject("income_share_bp", Integer.class),
                                rs.getInt("open_units")));
                    }
                }, skuIds.toArray());
        // FIFO order of the lots, sorted here: an ORDER BY over the join made the server build and sort a temporary table
        Comparator<IncomeLot> fifo = Comparator.comparing((IncomeLot lot) -> lotReceivedOn.get(lot.lotId()))
                .thenComparingLong(IncomeLot::lotId);
        offers.values().forEach(offer -> offer.openLots().sort(fifo));
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
