package cn.zhunong.mall.ledger.report;

import cn.zhunong.mall.infra.security.CurrentUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.zhunong.mall.registry.scope.AgencyScope;
import java.time.LocalDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Summaries per village, agency or campaign by day or month, limited to the agencies the caller
 * may read. Every figure comes from the ledger's own snapshot rows (ledger_order_line,
 * ledger_allocation), never from mutable catalog data.
 */
@Service
public class SummaryService {

    private final NamedParameterJdbcTemplate jdbc;
    private final AgencyScope scope;

    SummaryService(NamedParameterJdbcTemplate jdbc, AgencyScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public record Filter(Long agencyId, Long villageId, Long campaignId) {
    }

    private static final class Acc {
        long units;
        long milli;
        long gmv;
        long refunded;
        long income;
        long households;
        long buyers;
        long orders;
    }

    public SummaryReport summary(CurrentUser user, SummaryDimension dimension, Granularity granularity, LocalDate from,
            LocalDate to, Filter filter) {
        StatementService.checkPeriod(from, to);
        Set<Long> readable = scope.readableAgencies(user);
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", from).addValue("to", to);
        StringBuilder where = new StringBuilder(" WHERE l.paid_date BETWEEN :from AND :to");
        if (readable != null) {
            if (readable.isEmpty()) {
                return new SummaryReport(dimension, granularity, from, to, List.of(), emptyRow());
            }
            where.append(" AND l.agency_id IN (:readable)");
            params.addValue("readable", readable);
        }
        if (filter.agencyId() != null) {
            where.append(" AND l.agency_id = :agency");
            params.addValue("agency", filter.agencyId());
        }
        if (filter.villageId() != null) {
            where.append(" AND l.village_id = :village");
            params.addValue("village", filter.villageId());
        }
        if (filter.campaignId() != null) {
            where.append(" AND l.campaign_id = :campaign");
            params.addValue("campaign", filter.campaignId());
        }
        if (dimension == SummaryDimension.CAMPAIGN) {
            where.append(" AND l.campaign_id IS NOT NULL");
        }
        String key = dimension.column + " AS k, " + granularity.bucket + " AS b";
        String group = " GROUP BY k, b";

        Map<String, Acc> rows = new LinkedHashMap<>();
        Map<String, Long> keys = new HashMap<>();
        Map<String, String> buckets = new HashMap<>();
        jdbc.query("SELECT " + key + ", SUM(l.quantity), SUM(l.quantity * l.report_milli_units), SUM(l.net_amount_fen), "
                + "SUM(l.refunded_fen), COUNT(DISTINCT l.order_id) FROM ledger_order_line l" + where + group + " ORDER BY b, k",
                params, rs -> {
                    String id = rs.getLong(1) + "|" + rs.getString(2);
                    keys.put(id, rs.getLong(1));
                    buckets.put(id, rs.getString(2));
                    Acc a = rows.computeIfAbsent(id, k -> new Acc());
                    a.units = rs.getLong(3);
                    a.milli = rs.getLong(4);
                    a.gmv = rs.getLong(5);
                    a.refunded = rs.getLong(6);
                    a.orders = rs.getLong(7);
                });
        jdbc.query("SELECT " + key + ", SUM(a.income_fen - a.reversed_fen), COUNT(DISTINCT a.household_id) "
                + "FROM ledger_allocation a JOIN ledger_order_line l ON l.order_line_id = a.order_line_id" + where + group,
                params, rs -> {
                    Acc a = rows.get(rs.getLong(1) + "|" + rs.getString(2));
                    if (a != null) {
                        a.income = rs.getLong(3);
                        a.households = rs.getLong(4);
                    }
                });
        jdbc.query("SELECT " + key + ", COUNT(DISTINCT o.buyer_user_id) FROM ledger_order_line l "
                + "JOIN ledger_order o ON o.order_id = l.order_id" + where + group, params, rs -> {
                    Acc a = rows.get(rs.getLong(1) + "|" + rs.getString(2));
                    if (a != null) {
                        a.buyers = rs.getLong(3);
                    }
                });

        Map<Long, String> names = names(dimension, keys.values());
        List<SummaryReport.Row> result = new ArrayList<>(rows.size());
        rows.forEach((id, a) -> result.add(row(keys.get(id), names.get(keys.get(id)), buckets.get(id), a)));
        return new SummaryReport(dimension, granularity, from, to, result, total(where.toString(), params));
    }

    /** The totals over the whole period: distinct counts are counted again, not added up. */
    private SummaryReport.Row total(String where, MapSqlParameterSource params) {
        Acc t = new Acc();
        jdbc.query("SELECT COALESCE(SUM(l.quantity), 0), COALESCE(SUM(l.quantity * l.report_milli_units), 0), "
                + "COALESCE(SUM(l.net_amount_fen), 0), COALESCE(SUM(l.refunded_fen), 0), COUNT(DISTINCT l.order_id) "
                + "FROM ledger_order_line l" + where, params, rs -> {
                    t.units = rs.getLong(1);
                    t.milli = rs.getLong(2);
                    t.gmv = rs.getLong(3);
                    t.refunded = rs.getLong(4);
                    t.orders = rs.getLong(5);
                });
        jdbc.query("SELECT COALESCE(SUM(a.income_fen - a.reversed_fen), 0), COUNT(DISTINCT a.household_id) "
                + "FROM ledger_allocation a JOIN ledger_order_line l ON l.order_line_id = a.order_line_id" + where, params, rs -> {
                    t.income = rs.getLong(1);
                    t.households = rs.getLong(2);
                });
        jdbc.query("SELECT COUNT(DISTINCT o.buyer_user_id) FROM ledger_order_line l JOIN ledger_order o ON o.order_id = l.order_id"
                + where, params, rs -> {
                    t.buyers = rs.getLong(1);
                });
        return row(null, "合计", null, t);
    }

    private Map<Long, String> names(SummaryDimension dimension, Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty() || dimension == SummaryDimension.CAMPAIGN) {
            return names; // TODO(campaigns): campaign names once the campaign table exists
        }
        String table = dimension == SummaryDimension.VILLAGE ? "village" : "agency";
        jdbc.query("SELECT id, name FROM " + table + " WHERE id IN (:ids)", new MapSqlParameterSource("ids", ids), rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        });
        return names;
    }

    private static SummaryReport.Row row(Long key, String name, String bucket, Acc a) {
        return new SummaryReport.Row(key, name, bucket, a.units, BigDecimal.valueOf(a.milli, 3), a.gmv, a.refunded, a.income,
                a.households, a.buyers, a.orders);
    }

    private static SummaryReport.Row emptyRow() {
        return row(null, "合计", null, new Acc());
    }
}
