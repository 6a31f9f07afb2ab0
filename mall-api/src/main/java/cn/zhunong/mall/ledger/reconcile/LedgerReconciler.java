package cn.zhunong.mall.ledger.reconcile;

import cn.zhunong.mall.ledger.journal.AccountKind;
import cn.zhunong.mall.ledger.journal.AccountSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Internal reconciliation, in one consistent snapshot, by aggregate queries:
 * <ul>
 *   <li>per household: Σ allocation income = Σ credits to its pending account
 *       (ALLOCATION_CREDIT_MISMATCH); its pending + available + paid balance = Σ (income − reversed)
 *       of its allocations (HOUSEHOLD_DRIFT); pending balance = what its PENDING allocations still
 *       hold (PENDING_DRIFT); paid balance = Σ its paid-out payout items (PAID_DRIFT);</li>
 *   <li>every account: account_balance = Σ its postings (BALANCE_MISMATCH);</li>
 *   <li>per order: clearing movements = paid − refunded as received from the orders side
 *       (CLEARING_MISMATCH);</li>
 *   <li>per line: Σ allocation income ≤ the line's net amount (LINE_OVER_ALLOCATED), and the
 *       line's refunded amount = Σ its refund events (LINE_REFUND_MISMATCH).</li>
 * </ul>
 * Each problem names the rows behind it. External reconciliation against the payment provider's
 * bill is {@link ExternalBillReconciliation}'s job.
 */
@Component
public class LedgerReconciler {

    private static final int DETAIL_LIMIT = 100;
    private static final int ROWS_PER_PROBLEM = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    public LedgerReconciler(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    public ReconciliationReport reconcile() {
        return snapshot.execute(status -> run());
    }

    private record Account(AccountKind kind, Long householdId) {
    }

    /** Per household: from allocations and from postings. */
    private static final class HouseholdSums {
        long income;
        long reversed;
        long pendingHeld;
        long allocations;
        long pendingCredits;
        long balance; // pending + available + paid, credit - debit
        long pendingBalance;
        long paidBalance;
        long paidItems;
    }

    private ReconciliationReport run() {
        long started = System.nanoTime();
        Instant checkedAt = clock.instant();
        ProblemList problems = new ProblemList();

        Map<Long, Account> accounts = new HashMap<>();
        jdbc.query("SELECT id, kind, household_id FROM ledger_account", rs -> {
            long id = rs.getLong(1);
            AccountKind kind = AccountKind.valueOf(rs.getString(2));
            long household = rs.getLong(3);
            Long householdId = rs.wasNull() ? null : household;
            accounts.put(id, new Account(kind, householdId));
        });
        Map<Long, long[]> postingSums = new HashMap<>();
        jdbc.query("SELECT account_id, SUM(debit_fen), SUM(credit_fen) FROM posting GROUP BY account_id", rs -> {
            postingSums.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        Map<Long, long[]> balances = new HashMap<>();
        jdbc.query("SELECT account_id, debit_total_fen, credit_total_fen FROM account_balance", rs -> {
            balances.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        checkBalances(postingSums, balances, problems);

        Map<Long, HouseholdSums> households = new HashMap<>();
        long[] allocationTotals = new long[2];
        jdbc.query("SELECT household_id, SUM(income_fen), SUM(reversed_fen), "
                + "SUM(CASE WHEN status = 'PENDING' THEN income_fen - reversed_fen ELSE 0 END), COUNT(*) "
                + "FROM ledger_allocation GROUP BY household_id", rs -> {
                    HouseholdSums h = households.computeIfAbsent(rs.getLong(1), k -> new HouseholdSums());
                    h.income = rs.getLong(2);
                    h.reversed = rs.getLong(3);
                    h.pendingHeld = rs.getLong(4);
                    h.allocations = rs.getLong(5);
                    allocationTotals[0] += h.allocations;
                    allocationTotals[1] += h.income;
                });
        long householdCredits = 0;
        for (Map.Entry<Long, long[]> e : postingSums.entrySet()) {
            Account account = accounts.get(e.getKey());
            if (account == null || account.householdId() == null) {
                continue;
            }
            HouseholdSums h = households.computeIfAbsent(account.householdId(), k -> new HouseholdSums());
            long net = e.getValue()[1] - e.getValue()[0];
            h.balance += net;
            switch (account.kind()) {
                case HOUSEHOLD_PENDING -> {
                    h.pendingCredits = e.getValue()[1];
                    h.pendingBalance = net;
                    householdCredits += e.getValue()[1];
                }
                case HOUSEHOLD_PAID -> h.paidBalance = net;
                default -> { }
            }
        }
        jdbc.query("SELECT household_id, SUM(amount_fen) FROM payout_item WHERE status IN ('PAID_OUT','CONFIRMED') "
                + "GROUP BY household_id", rs -> {
                    households.computeIfAbsent(rs.getLong(1), k -> new HouseholdSums()).paidItems = rs.getLong(2);
                });
        checkHouseholds(households, problems);

        long[] clearingTotals = new long[2];
        long[] sourceTotals = new long[2];
        long orders = checkClearing(problems, clearingTotals, sourceTotals);
        checkLines(problems);

        ReconciliationReport.Totals totals = new ReconciliationReport.Totals(allocationTotals[0], households.size(), orders,
                allocationTotals[1], householdCredits, sourceTotals[0], sourceTotals[1], clearingTotals[0], clearingTotals[1]);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new ReconciliationReport(problems.count() == 0, checkedAt, millis, totals, problems.count(), problems.kept());
    }

    private void checkBalances(Map<Long, long[]> postingSums, Map<Long, long[]> balances, ProblemList problems) {
        Set<Long> ids = new HashSet<>(postingSums.keySet());
        ids.addAll(balances.keySet());
        for (Long id : ids) {
            long[] summed = postingSums.getOrDefault(id, new long[2]);
            long[] stored = balances.getOrDefault(id, new long[2]);
            if (summed[0] != stored[0] || summed[1] != stored[1]) {
                problems.add("BALANCE_MISMATCH", "ledger_account#" + id, "debit " + summed[0] + " credit " + summed[1],
                        "debit " + stored[0] + " credit " + stored[1], "account_balance differs from Σ postings",
                        List.of("account_balance#" + id));
            }
        }
    }

    private void checkHouseholds(Map<Long, HouseholdSums> households, ProblemList problems) {
        int detailed = 0;
        for (Map.Entry<Long, HouseholdSums> e : households.entrySet()) {
            long household = e.getKey();
            HouseholdSums h = e.getValue();
            List<String[]> found = new ArrayList<>();
            if (h.income != h.pendingCredits) {
                found.add(new String[] {"ALLOCATION_CREDIT_MISMATCH", String.valueOf(h.income), String.valueOf(h.pendingCredits),
                        "Σ allocation income differs from Σ credits to the household's pending account"});
            }
            if (h.income - h.reversed != h.balance) {
                found.add(new String[] {"HOUSEHOLD_DRIFT", String.valueOf(h.income - h.reversed), String.valueOf(h.balance),
                        "pending + available + paid differs from Σ (income − reversed) of the allocations"});
            }
            if (h.pendingHeld != h.pendingBalance) {
                found.add(new String[] {"PENDING_DRIFT", String.valueOf(h.pendingHeld), String.valueOf(h.pendingBalance),
                        "pending balance differs from what the PENDING allocations hold"});
            }
            if (h.paidItems != h.paidBalance) {
                found.add(new String[] {"PAID_DRIFT", String.valueOf(h.paidItems), String.valueOf(h.paidBalance),
                        "paid balance differs from Σ paid-out payout items"});
            }
            for (String[] f : found) {
                List<String> rows = detailed++ < DETAIL_LIMIT ? householdRows(household) : List.of();
                problems.add(f[0], "household#" + household, f[1], f[2], f[3], rows);
            }
        }
    }

    private List<String> householdRows(long household) {
        List<String> rows = new ArrayList<>();
        jdbc.query("SELECT id FROM ledger_allocation WHERE household_id = ? ORDER BY id LIMIT " + ROWS_PER_PROBLEM,
                rs -> {
                    rows.add("ledger_allocation#" + rs.getLong(1));
                }, household);
        jdbc.query("SELECT p.entry_id, p.line_no FROM posting p JOIN ledger_account a ON a.id = p.account_id "
                + "WHERE a.household_id = ? ORDER BY p.entry_id LIMIT " + ROWS_PER_PROBLEM, rs -> {
                    rows.add("posting#" + rs.getLong(1) + "/" + rs.getInt(2));
                }, household);
        return rows;
    }

    /** @return the number of orders seen */
    private long checkClearing(ProblemList problems, long[] clearingTotals, long[] sourceTotals) {
        Map<Long, long[]> clearing = new HashMap<>();
        // every clearing account (one per payment method): an order's movements are on the one it was paid by
        jdbc.query("SELECT e.order_id, SUM(p.debit_fen), SUM(p.credit_fen) FROM posting p "
                + "JOIN journal_entry e ON e.id = p.entry_id JOIN ledger_account a ON a.id = p.account_id "
                + "WHERE a.kind = 'CLEARING' GROUP BY e.order_id", rs -> {
                    long order = rs.getLong(1);
                    clearing.put(rs.wasNull() ? -1L : order, new long[] {rs.getLong(2), rs.getLong(3)});
                    clearingTotals[0] += rs.getLong(2);
                    clearingTotals[1] += rs.getLong(3);
                });
        Map<Long, long[]> source = new HashMap<>();
        jdbc.query("SELECT order_id, SUM(CASE WHEN type = 'ORDER_PAID' THEN amount_fen ELSE 0 END), "
                + "SUM(CASE WHEN type = 'REFUND' THEN amount_fen ELSE 0 END) FROM ledger_source_event GROUP BY order_id", rs -> {
                    source.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    sourceTotals[0] += rs.getLong(2);
                    sourceTotals[1] += rs.getLong(3);
                });
        Set<Long> orders = new HashSet<>(clearing.keySet());
        orders.addAll(source.keySet());
        int detailed = 0;
        for (Long order : orders) {
            long[] moved = clearing.getOrDefault(order, new long[2]);
            long[] told = source.getOrDefault(order, new long[2]);
            if (moved[0] != told[0] || moved[1] != told[1]) {
                List<String> rows = detailed++ < DETAIL_LIMIT ? orderRows(order) : List.of();
                problems.add("CLEARING_MISMATCH", "order#" + order, "paid " + told[0] + " refunded " + told[1],
                        "clearing debit " + moved[0] + " credit " + moved[1],
                        "clearing movements differ from paid − refunded as received", rows);
            }
        }
        return orders.size();
    }

    private List<String> orderRows(long order) {
        List<String> rows = new ArrayList<>();
        jdbc.query("SELECT id FROM ledger_source_event WHERE order_id = ? ORDER BY id LIMIT " + ROWS_PER_PROBLEM, rs -> {
            rows.add("ledger_source_event#" + rs.getLong(1));
        }, order);
        jdbc.query("SELECT id FROM journal_entry WHERE order_id = ? ORDER BY id LIMIT " + ROWS_PER_PROBLEM, rs -> {
            rows.add("journal_entry#" + rs.getLong(1));
        }, order);
        return rows;
    }

    private void checkLines(ProblemList problems) {
        jdbc.query("SELECT l.order_line_id, l.net_amount_fen, SUM(a.income_fen) FROM ledger_allocation a "
                + "JOIN ledger_order_line l ON l.order_line_id = a.order_line_id "
                + "GROUP BY l.order_line_id, l.net_amount_fen HAVING SUM(a.income_fen) > l.net_amount_fen LIMIT 1000", rs -> {
                    long line = rs.getLong(1);
                    problems.add("LINE_OVER_ALLOCATED", "order_line#" + line, "<= " + rs.getLong(2), rs.getLong(3),
                            "households were credited more than the line's net amount", List.of("ledger_order_line#" + line));
                });
        jdbc.query("SELECT l.order_line_id, l.refunded_fen, COALESCE(r.refunded, 0) FROM ledger_order_line l "
                + "LEFT JOIN (SELECT order_line_id, SUM(amount_fen) AS refunded FROM ledger_source_event WHERE type = 'REFUND' "
                + "GROUP BY order_line_id) r ON r.order_line_id = l.order_line_id "
                + "WHERE l.refunded_fen <> COALESCE(r.refunded, 0) LIMIT 1000", rs -> {
                    long line = rs.getLong(1);
                    problems.add("LINE_REFUND_MISMATCH", "order_line#" + line, rs.getLong(3), rs.getLong(2),
                            "the line's refunded amount differs from Σ its refund events", List.of("ledger_order_line#" + line));
                });
    }
}
