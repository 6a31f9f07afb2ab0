package cn.zhunong.mall.ledger.report;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.registry.scope.AgencyScope;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Per-household statements, scoped by the agency serving the household's village. One indexed
 * range read of the household's allocations (household_id, paid_at) plus primary-key joins for
 * product names, so it stays fast however large the ledger grows.
 */
@Service
public class StatementService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int MAX_DAYS = 366;

    private final JdbcTemplate jdbc;
    private final AgencyScope scope;

    StatementService(JdbcTemplate jdbc, AgencyScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public HouseholdStatement statement(CurrentUser user, long householdId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        HouseholdStatement.Household household = household(householdId);
        scope.requireRead(user, household.agencyId(), notFound());
        return build(household, from, to);
    }

    /** Without a caller: for jobs and the benchmark. */
    public HouseholdStatement statement(long householdId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return build(household(householdId), from, to);
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.badRequest("PERIOD_INVALID", "查询区间无效：开始日期不能晚于结束日期，且不超过 366 天");
        }
    }

    private HouseholdStatement build(HouseholdStatement.Household household, LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(CHINA).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(CHINA).toInstant());
        List<HouseholdStatement.Line> lines = jdbc.query("SELECT a.paid_date, a.order_id, a.order_line_id, l.sku_id, p.name, "
                + "s.spec, a.rule, a.units, a.income_fen, a.reversed_fen, a.status, a.payout_item_id "
                + "FROM ledger_allocation a JOIN ledger_order_line l ON l.order_line_id = a.order_line_id "
                + "LEFT JOIN sku s ON s.id = l.sku_id LEFT JOIN product p ON p.id = l.product_id "
                + "WHERE a.household_id = ? AND a.paid_at >= ? AND a.paid_at < ? ORDER BY a.paid_at, a.id",
                (rs, n) -> {
                    long payoutItem = rs.getLong(12);
                    Long payoutItemId = rs.wasNull() ? null : payoutItem;
                    long income = rs.getLong(9);
                    long reversed = rs.getLong(10);
                    return new HouseholdStatement.Line(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), income, reversed,
                            income - reversed, rs.getString(11), payoutItemId);
                }, household.id(), start, end);
        long units = 0, income = 0, reversed = 0, pending = 0, available = 0, paidOut = 0, confirmed = 0;
        for (HouseholdStatement.Line line : lines) {
            units += line.units();
            income += line.incomeFen();
            reversed += line.reversedFen();
            switch (line.status()) {
                case "PENDING" -> pending += line.netIncomeFen();
                case "AVAILABLE" -> available += line.netIncomeFen();
                case "PAID_OUT" -> paidOut += line.netIncomeFen();
                default -> confirmed += line.netIncomeFen();
            }
        }
        HouseholdStatement.Totals totals = new HouseholdStatement.Totals(lines.size(), units, income, reversed,
                income - reversed, pending, available, paidOut, confirmed);
        List<HouseholdStatement.Payout> payouts = jdbc.query("SELECT id, batch_id, amount_fen, status, method, reference, "
                + "created_at, paid_at, confirmed_at FROM payout_item WHERE household_id = ? AND created_at >= ? AND created_at < ? "
                + "ORDER BY id", (rs, n) -> new HouseholdStatement.Payout(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()), household.id(), start, end);
        long[] balances = new long[3];
        jdbc.query("SELECT a.kind, b.credit_total_fen - b.debit_total_fen FROM ledger_account a "
                + "JOIN account_balance b ON b.account_id = a.id WHERE a.household_id = ?", rs -> {
                    switch (rs.getString(1)) {
                        case "HOUSEHOLD_PENDING" -> balances[0] = rs.getLong(2);
                        case "HOUSEHOLD_AVAILABLE" -> balances[1] = rs.getLong(2);
                        case "HOUSEHOLD_PAID" -> balances[2] = rs.getLong(2);
                        default -> { }
                    }
                }, household.id());
        return new HouseholdStatement(household, from, to, lines, totals, payouts,
                new HouseholdStatement.Balances(balances[0], balances[1], balances[2]));
    }

    private HouseholdStatement.Household household(long id) {
        return jdbc.query("SELECT h.id, h.head_name, h.public_alias, h.bank_account_masked, v.id, v.name, v.agency_id "
                + "FROM household h JOIN village v ON v.id = h.village_id WHERE h.id = ?",
                (rs, n) -> new HouseholdStatement.Household(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getLong(7)), id)
                .stream().findFirst().orElseThrow(StatementService::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("HOUSEHOLD_NOT_FOUND", "户不存在");
    }
}
