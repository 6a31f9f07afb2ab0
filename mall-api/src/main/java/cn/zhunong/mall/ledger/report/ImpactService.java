package cn.zhunong.mall.ledger.report;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.registry.scope.AgencyScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Transparency: whom an order credited (for its buyer) and what a village has earned (for everyone). */
@Service
public class ImpactService {

    private final JdbcTemplate jdbc;
    private final AgencyScope scope;

    ImpactService(JdbcTemplate jdbc, AgencyScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    private record OrderRef(long agencyId, Instant paidAt) {
    }

    /**
     * The impact of an order, for its buyer (the owner in the orders table), for staff of the
     * selling agency (or aiding it) and for admins; anyone else gets 404, as for an order the
     * ledger has not posted yet.
     */
    public OrderImpact orderImpact(CurrentUser user, long orderId) {
        ApiException notFound = ApiException.notFound("ORDER_NOT_FOUND", "订单不存在或尚未支付");
        OrderRef order = jdbc.query("SELECT agency_id, paid_at FROM ledger_order WHERE order_id = ?",
                (rs, n) -> new OrderRef(rs.getLong(1), rs.getTimestamp(2).toInstant()), orderId)
                .stream().findFirst().orElseThrow(() -> notFound);
        boolean buyer = !jdbc.queryForList("SELECT 1 FROM orders WHERE id = ? AND user_id = ?", Integer.class, orderId,
                user.id()).isEmpty();
        if (!buyer && !scope.canRead(user, order.agencyId())) {
            throw notFound;
        }
        return orderImpact(orderId, order.paidAt());
    }

    private record AllocationRow(long lineId, String productName, int lineUnits, long householdId, boolean consent,
            String alias, String villageName, long netFen, String status) {
    }

    private OrderImpact orderImpact(long orderId, Instant paidAt) {
        List<AllocationRow> rows = jdbc.query("SELECT l.order_line_id, p.name, l.quantity, a.household_id, h.consent_public, "
                + "h.public_alias, v.name, a.income_fen - a.reversed_fen, a.status FROM ledger_order_line l "
                + "LEFT JOIN product p ON p.id = l.product_id "
                + "LEFT JOIN ledger_allocation a ON a.order_line_id = l.order_line_id "
                + "LEFT JOIN household h ON h.id = a.household_id LEFT JOIN village v ON v.id = h.village_id "
                + "WHERE l.order_id = ? ORDER BY l.order_line_id, a.seq_no",
                (rs, n) -> new AllocationRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9)), orderId);
        Map<Long, List<AllocationRow>> byLine = new LinkedHashMap<>();
        rows.forEach(r -> byLine.computeIfAbsent(r.lineId(), k -> new ArrayList<>()).add(r));
        List<OrderImpact.LineImpact> lines = new ArrayList<>();
        Set<Long> households = new HashSet<>();
        long income = 0;
        long paidOut = 0;
        for (List<AllocationRow> lineRows : byLine.values()) {
            AllocationRow first = lineRows.get(0);
            List<OrderImpact.Credit> credits = new ArrayList<>();
            long others = 0;
            long otherFen = 0;
            for (AllocationRow r : lineRows) {
                if (r.status() == null) {
                    continue; // a line no household was credited for
                }
                boolean paid = "PAID_OUT".equals(r.status()) || "CONFIRMED".equals(r.status());
                households.add(r.householdId());
                income += r.netFen();
                paidOut += paid ? r.netFen() : 0;
                if (r.consent() && r.alias() != null) {
                    credits.add(new OrderImpact.Credit(r.alias(), r.villageName(), r.netFen(), r.status(), paid));
                } else {
                    others++;
                    otherFen += r.netFen();
                }
            }
            lines.add(new OrderImpact.LineImpact(first.lineId(), first.productName(), first.lineUnits(), credits, others, otherFen));
        }
        return new OrderImpact(orderId, paidAt, income, paidOut, households.size(), lines);
    }

    public VillageImpact villageImpact(long villageId) {
        Map<String, Object> village = jdbc.queryForList("SELECT name, county_name FROM village WHERE id = ?", villageId)
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("VILLAGE_NOT_FOUND", "村不存在"));
        Map<String, Object> income = jdbc.queryForMap("SELECT COUNT(DISTINCT household_id) AS households, "
                + "COALESCE(SUM(income_fen - reversed_fen), 0) AS income, MIN(paid_date) AS since "
                + "FROM ledger_allocation WHERE village_id = ?", villageId);
        Long paidOut = jdbc.queryForObject("SELECT COALESCE(SUM(i.amount_fen), 0) FROM payout_item i "
                + "JOIN payout_batch b ON b.id = i.batch_id WHERE b.village_id = ? AND i.status IN ('PAID_OUT','CONFIRMED')",
                Long.class, villageId);
        Map<String, Object> sales = jdbc.queryForMap("SELECT COALESCE(SUM(quantity), 0) AS units, "
                + "COALESCE(SUM(quantity * report_milli_units), 0) AS milli, COUNT(DISTINCT order_id) AS orders "
                + "FROM ledger_order_line WHERE village_id = ?", villageId);
        Object since = income.get("since");
        LocalDate sinceDate = since instanceof java.sql.Date d ? d.toLocalDate() : since instanceof LocalDate l ? l : null;
        return new VillageImpact(villageId, (String) village.get("name"), (String) village.get("county_name"),
                number(income.get("households")), number(income.get("income")), paidOut == null ? 0 : paidOut,
                number(sales.get("units")), BigDecimal.valueOf(number(sales.get("milli")), 3), number(sales.get("orders")),
                sinceDate);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
