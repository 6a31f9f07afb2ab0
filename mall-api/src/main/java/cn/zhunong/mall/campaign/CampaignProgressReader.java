package cn.zhunong.mall.campaign;

import cn.zhunong.mall.order.IncomeLot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a campaign's progress from the orders tables: every line of an order that carries the
 * campaign's code and was paid within its period (restricted to the campaign's products when it
 * names any), counted net of refunds — a refunded line adds neither money nor units. A household
 * counts as benefited when a line with units left credits it: the SKU's own household, or the
 * source lots of the line's snapshot taken oldest first for its units (the ledger's FIFO).
 */
@Component
public class CampaignProgressReader {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CampaignProgressReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Row(long orderId, long userId, Instant paidAt, long productId, int quantity, long lineFen, long refundedFen,
            boolean refunded, Long householdId, String incomeLots) {
    }

    public CampaignProgress read(Campaign campaign, List<Long> productIds) {
        List<Row> rows = jdbc.query("SELECT o.id, o.user_id, o.paid_at, l.product_id, l.quantity, l.line_fen, l.refunded_fen, "
                        + "l.refund_status, l.household_id, l.income_lots FROM orders o JOIN order_line l ON l.order_id = o.id "
                        + "WHERE o.campaign_code = ? AND o.paid_at IS NOT NULL AND o.paid_at >= ? AND o.paid_at < ? ORDER BY o.paid_at",
                (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getLong(4), rs.getInt(5),
                        rs.getLong(6), rs.getLong(7), "REFUNDED".equals(rs.getString(8)), (Long) rs.getObject(9, Long.class),
                        rs.getString(10)),
                campaign.getCode(), java.sql.Timestamp.from(campaign.getStartsAt()), java.sql.Timestamp.from(campaign.getEndsAt()));
        Set<Long> products = new HashSet<>(productIds);
        TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
        TreeMap<LocalDate, Set<Long>> buyersByDay = new TreeMap<>();
        Set<Long> buyers = new HashSet<>();
        Set<Long> orders = new HashSet<>();
        Set<Long> households = new HashSet<>();
        long gmv = 0;
        long units = 0;
        for (Row row : rows) {
            if (!products.isEmpty() && !products.contains(row.productId())) {
                continue;
            }
            long netFen = row.lineFen() - row.refundedFen();
            int netUnits = row.refunded() ? 0 : row.quantity();
            LocalDate day = row.paidAt().atZone(CHINA).toLocalDate();
            long[] totals = byDay.computeIfAbsent(day, d -> new long[2]);
            totals[0] += netFen;
            totals[1] += netUnits;
            gmv += netFen;
            units += netUnits;
            if (netUnits > 0) {
                buyersByDay.computeIfAbsent(day, d -> new HashSet<>()).add(row.userId());
                buyers.add(row.userId());
                orders.add(row.orderId());
                households.addAll(households(row, netUnits));
            }
        }
        List<CampaignProgress.Day> days = new ArrayList<>();
        long runningFen = 0;
        long runningUnits = 0;
        for (var entry : byDay.entrySet()) {
            runningFen += entry.getValue()[0];
            runningUnits += entry.getValue()[1];
            days.add(new CampaignProgress.Day(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                    buyersByDay.getOrDefault(entry.getKey(), Set.of()).size(), runningFen, runningUnits));
        }
        CampaignProgress.Targets targets = new CampaignProgress.Targets(campaign.getTargetGmvFen(), campaign.getTargetUnits(),
                campaign.getTargetHouseholds());
        return new CampaignProgress(campaign.getId(), campaign.getCode(), targets,
                new CampaignProgress.Totals(gmv, units, buyers.size(), households.size(), orders.size()),
                bp(gmv, campaign.getTargetGmvFen()), bp(units, campaign.getTargetUnits()),
                bp(households.size(), campaign.getTargetHouseholds() == null ? null : campaign.getTargetHouseholds().longValue()),
                days);
    }

    private List<Long> households(Row row, int units) {
        if (row.householdId() != null) {
            return List.of(row.householdId());
        }
        if (row.incomeLots() == null) {
            return List.of();
        }
        List<Long> credited = new ArrayList<>();
        int left = units;
        for (IncomeLot lot : json.readValue(row.incomeLots(), IncomeLot[].class)) {
            if (left <= 0) {
                break;
            }
            credited.add(lot.householdId());
            left -= lot.unitsAvailable();
        }
        return credited;
    }

    private static Long bp(long reached, Long target) {
        return target == null ? null : Math.multiplyExact(reached, 10_000L) / target;
    }
}
