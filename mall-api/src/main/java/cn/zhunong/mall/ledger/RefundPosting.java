package cn.zhunong.mall.ledger;

import cn.zhunong.mall.ledger.SourceEventStore.SourceEvent;
import cn.zhunong.mall.ledger.allocation.RefundSplitter;
import cn.zhunong.mall.ledger.journal.AccountKind;
import cn.zhunong.mall.ledger.journal.AccountSpec;
import cn.zhunong.mall.ledger.journal.EntryType;
import cn.zhunong.mall.ledger.journal.JournalWriter;
import cn.zhunong.mall.ledger.journal.LedgerAccounts;
import cn.zhunong.mall.ledger.journal.NewEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Posts a refund as a reversing entry: credit the clearing account the payment debited with the
 * refund, debit the households' income in proportion to the refunded part of the line (from pending while the after-sale window
 * is open, else from available — which goes negative when the income was already paid out, and
 * the next payout batch offsets it), and debit the agency's refunds account with the rest.
 */
@Component
class RefundPosting {

    private final SourceEventStore events;
    private final LedgerAccounts accounts;
    private final JournalWriter journal;
    private final JdbcTemplate jdbc;

    RefundPosting(SourceEventStore events, LedgerAccounts accounts, JournalWriter journal, JdbcTemplate jdbc) {
        this.events = events;
        this.accounts = accounts;
        this.journal = journal;
        this.jdbc = jdbc;
    }

    private record Line(long orderId, long agencyId, long netAmountFen, long refundedFen) {
    }

    private record Allocation(long id, long householdId, long incomeFen, long reversedFen, String status) {
    }

    PostResult post(Refund refund) {
        Set<String> fresh = events.claim(List.of(new SourceEvent(refund.idempotencyKey(), "REFUND", refund.orderId(),
                refund.orderLineId(), refund.refundId(), refund.amountFen(), refund.at())));
        if (fresh.isEmpty()) {
            return PostResult.ALREADY_POSTED;
        }
        List<Line> found = jdbc.query("SELECT order_id, agency_id, net_amount_fen, refunded_fen FROM ledger_order_line "
                + "WHERE order_line_id = ? FOR UPDATE",
                (rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), refund.orderLineId());
        if (found.isEmpty()) {
            throw new LedgerEventNotReadyException("refund " + refund.refundId() + ": line " + refund.orderLineId()
                    + " has not been posted as paid yet");
        }
        Line line = found.get(0);
        if (line.orderId() != refund.orderId()) {
            throw new LedgerEventRejectedException("refund " + refund.refundId() + ": line belongs to another order");
        }
        if (line.refundedFen() + refund.amountFen() > line.netAmountFen()) {
            throw new LedgerEventRejectedException("refund " + refund.refundId() + " exceeds what is left of the line");
        }
        List<Allocation> allocations = jdbc.query("SELECT id, household_id, income_fen, reversed_fen, status "
                + "FROM ledger_allocation WHERE order_line_id = ? ORDER BY seq_no FOR UPDATE",
                (rs, n) -> new Allocation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)),
                refund.orderLineId());
        long[] income = allocations.stream().mapToLong(Allocation::incomeFen).toArray();
        long[] reversed = allocations.stream().mapToLong(Allocation::reversedFen).toArray();
        long[] reversal = allocations.isEmpty() ? new long[0]
                : RefundSplitter.reversals(line.netAmountFen(), line.refundedFen(), refund.amountFen(), income, reversed);

        Set<AccountSpec> specs = new HashSet<>();
        AccountSpec clearing = clearingOfPayment(refund.orderId());
        specs.add(clearing);
        specs.add(AccountSpec.refunds(line.agencyId()));
        List<Object[]> updates = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            if (reversal[i] > 0) {
                Allocation a = allocations.get(i);
                specs.add(accountOf(a));
                updates.add(new Object[] {reversal[i], a.id()});
            }
        }
        Map<String, Long> ids = accounts.require(specs);
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE ledger_allocation SET reversed_fen = reversed_fen + ? WHERE id = ?", updates);
        }
        jdbc.update("UPDATE ledger_order_line SET refunded_fen = refunded_fen + ? WHERE order_line_id = ?",
                refund.amountFen(), refund.orderLineId());

        NewEntry.Builder entry = NewEntry.builder(refund.idempotencyKey(), EntryType.REFUND).order(refund.orderId())
                .orderLine(refund.orderLineId()).refund(refund.refundId());
        entry.credit(ids.get(clearing.code()), refund.amountFen());
        long fromHouseholds = 0;
        for (int i = 0; i < allocations.size(); i++) {
            if (reversal[i] > 0) {
                entry.debit(ids.get(accountOf(allocations.get(i)).code()), reversal[i]);
                fromHouseholds += reversal[i];
            }
        }
        entry.debit(ids.get(AccountSpec.refunds(line.agencyId()).code()), refund.amountFen() - fromHouseholds);
        if (entry.hasPostings()) {
            journal.append(entry.build());
        }
        return PostResult.POSTED;
    }

    /**
     * The clearing account the order's ORDER_PAID entry debited: a refund goes back the way the
     * money came in (Alipay, bank transfer, on the spot). clearing:alipay if that entry moved nothing.
     */
    private AccountSpec clearingOfPayment(long orderId) {
        List<String> codes = jdbc.queryForList("SELECT a.code FROM journal_entry e JOIN posting p ON p.entry_id = e.id "
                + "JOIN ledger_account a ON a.id = p.account_id WHERE e.idempotency_key = ? AND a.kind = 'CLEARING' "
                + "AND p.debit_fen > 0", String.class, "order-paid:" + orderId);
        return codes.isEmpty() ? AccountSpec.clearing()
                : new AccountSpec(codes.get(0), AccountKind.CLEARING, null, null);
    }

    /** Pending income is reversed where it is; anything later is taken from available. */
    private static AccountSpec accountOf(Allocation a) {
        return "PENDING".equals(a.status()) ? AccountSpec.pending(a.householdId()) : AccountSpec.available(a.householdId());
    }
}
