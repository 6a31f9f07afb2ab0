package cn.zhunong.mall.campaign;

import cn.zhunong.mall.campaign.CampaignAttribution.CandidateLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a campaign's progress: money, units and buyers from its counting order lines (net of
 * refunds: a refunded line adds neither money nor units), household income and households from the
 * ledger's allocations of the same lines (net of reversals).
 */
@Component
public class CampaignProgressReader {

    private static final int CHUNK = 500;

    private final CampaignAttribution attribution;
    private final JdbcTemplate jdbc;

    public CampaignProgressReader(CampaignAttribution attribution, JdbcTemplate jdbc) {
        this.attribution = attribution;
        this.jdbc = jdbc;
    }

    private static final class DayTotals {
        long gmv;
        long units;
        long income;
        final Set<Long> buyers = new HashSet<>();
        final Map<Long, Long> households = new HashMap<>();
    }

    public CampaignProgress read(Campaign campaign, List<Long> productIds) {
        List<CandidateLine> lines = attribution.countedLines(campaign, productIds);
        Map<Long, List<long[]>> credits = credits(lines);
        Set<Long> posted = postedLines(lines);
        TreeMap<LocalDate, DayTotals> byDay = new TreeMap<>();
        Set<Long> buyers = new HashSet<>();
        Set<Long> orders = new HashSet<>();
        Set<Long> pendingOrders = new HashSet<>();
        Map<Long, Long> households = new HashMap<>();
        long gmv = 0;
        long units = 0;
        long income = 0;
        for (CandidateLine line : lines) {
            long netFen = line.lineFen() - line.refundedFen();
            int netUnits = line.refunded() ? 0 : line.quantity();
            DayTotals day = byDay.computeIfAbsent(line.paidDate(), d -> new DayTotals());
            day.gmv += netFen;
            day.units += netUnits;
            gmv += netFen;
            units += netUnits;
            if (netUnits > 0) {
                day.buyers.add(line.userId());
                buyers.add(line.userId());
                orders.add(line.orderId());
            }
            if (!posted.contains(line.lineId())) {
                pendingOrders.add(line.orderId());
            }
            for (long[] credit : credits.getOrDefault(line.lineId(), List.of())) {
                day.income += credit[1];
                income += credit[1];
                day.households.merge(credit[0], credit[1], Long::sum);
                households.merge(credit[0], credit[1], Long::sum);
            }
        }
        List<CampaignProgress.Day> days = new ArrayList<>();
        long runningFen = 0;
        long runningUnits = 0;
        long runningIncome = 0;
        for (var entry : byDay.entrySet()) {
            DayTotals d = entry.getValue();
            runningFen += d.gmv;
            runningUnits += d.units;
            runningIncome += d.income;
            days.add(new CampaignProgress.Day(entry.getKey(), d.gmv, d.units, d.buyers.size(), d.income, benefited(d.households),
                    runningFen, runningUnits, runningIncome));
        }
        long benefited = benefited(households);
        CampaignProgress.Targets targets = new CampaignProgress.Targets(campaign.getTargetGmvFen(), campaign.getTargetUnits(),
                campaign.getTargetHouseholds());
        return new CampaignProgress(campaign.getId(), campaign.getCode(), targets,
                new CampaignProgress.Totals(gmv, units, buyers.size(), benefited, income, orders.size(), pendingOrders.size()),
                bp(gmv, campaign.getTargetGmvFen()), bp(units, campaign.getTargetUnits()),
                bp(benefited, campaign.getTargetHouseholds() == null ? null : campaign.getTargetHouseholds().longValue()), days);
    }

    /** A household benefited when its net credit (after reversals) is above zero. */
    private static long benefited(Map<Long, Long> households) {
        return households.values().stream().filter(fen -> fen > 0).count();
    }

    /** The ledger's net credits of the lines: line id -> [household id, fen]. */
    private Map<Long, List<long[]>> credits(List<CandidateLine> lines) {
        Map<Long, List<long[]>> credits = new HashMap<>();
        for (List<Long> chunk : chunks(lines)) {
            jdbc.query("SELECT order_line_id, household_id, income_fen - reversed_fen FROM ledger_allocation WHERE order_line_id IN ("
                    + placeholders(chunk.size()) + ")", rs -> {
                        credits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new long[] {rs.getLong(2), rs.getLong(3)});
                    }, chunk.toArray());
        }
        return credits;
    }

    private Set<Long> postedLines(List<CandidateLine> lines) {
        Set<Long> posted = new HashSet<>();
        for (List<Long> chunk : chunks(lines)) {
            posted.addAll(jdbc.queryForList("SELECT order_line_id FROM ledger_order_line WHERE order_line_id IN ("
                    + placeholders(chunk.size()) + ")", Long.class, chunk.toArray()));
        }
        return posted;
    }

    private static List<List<Long>> chunks(List<CandidateLine> lines) {
        List<Long> ids = lines.stream().map(CandidateLine::lineId).toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static Long bp(long reached, Long target) {
        return target == null ? null : Math.multiplyExact(reached, 10_000L) / target;
    }
}
