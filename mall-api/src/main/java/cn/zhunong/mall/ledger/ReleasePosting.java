package cn.zhunong.mall.ledger;

import cn.zhunong.mall.ledger.journal.AccountSpec;
import cn.zhunong.mall.ledger.journal.EntryType;
import cn.zhunong.mall.ledger.journal.JournalWriter;
import cn.zhunong.mall.ledger.journal.LedgerAccounts;
import cn.zhunong.mall.ledger.journal.NewEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Receipts and the end of the after-sale window. A receipt sets when the window closes; when it
 * has closed, the order's pending income becomes available (RELEASE entry: debit pending, credit
 * available per household). The order row's status change is a compare-and-set, so two releasers
 * cannot both post.
 */
@Component
class ReleasePosting {

    private final SourceEventStore events;
    private final LedgerAccounts accounts;
    private final JournalWriter journal;
    private final JdbcTemplate jdbc;

    ReleasePosting(SourceEventStore events, LedgerAccounts accounts, JournalWriter journal, JdbcTemplate jdbc) {
        this.events = events;
        this.accounts = accounts;
        this.journal = journal;
        this.jdbc = jdbc;
    }

    PostResult received(ReceiptConfirmed receipt, Instant dueAt) {
        Set<String> fresh = events.claim(List.of(new SourceEventStore.SourceEvent(receipt.idempotencyKey(), "ORDER_RECEIVED",
                receipt.orderId(), null, null, 0, receipt.receivedAt())));
        if (fresh.isEmpty()) {
            return PostResult.ALREADY_POSTED;
        }
        int updated = jdbc.update("UPDATE ledger_order SET received_at = ?, release_due_at = ? "
                + "WHERE order_id = ? AND received_at IS NULL",
                Timestamp.from(receipt.receivedAt()), Timestamp.from(dueAt), receipt.orderId());
        if (updated == 0) {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_order WHERE order_id = ?", Integer.class,
                    receipt.orderId());
            if (known == null || known == 0) {
                throw new LedgerEventNotReadyException("receipt of order " + receipt.orderId() + " before its payment");
            }
        }
        return PostResult.POSTED;
    }

    private record Pending(long householdId, long amountFen) {
    }

    /** @return true if this call released the order */
    boolean releaseIfDue(long orderId, Instant now) {
        Timestamp at = Timestamp.from(now);
        int won = jdbc.update("UPDATE ledger_order SET status = 'RELEASED', released_at = ? "
                + "WHERE order_id = ? AND status = 'PENDING' AND release_due_at <= ?", at, orderId, at);
        if (won == 0) {
            return false;
        }
        List<Pending> pending = jdbc.query("SELECT household_id, income_fen - reversed_fen FROM ledger_allocation "
                + "WHERE order_id = ? AND status = 'PENDING' ORDER BY id FOR UPDATE",
                (rs, n) -> new Pending(rs.getLong(1), rs.getLong(2)), orderId);
        jdbc.update("UPDATE ledger_allocation SET status = 'AVAILABLE', available_at = ? WHERE order_id = ? AND status = 'PENDING'",
                at, orderId);
        Map<Long, Long> byHousehold = new LinkedHashMap<>();
        pending.forEach(p -> byHousehold.merge(p.householdId(), p.amountFen(), Long::sum));
        Set<AccountSpec> specs = new HashSet<>();
        byHousehold.keySet().forEach(h -> {
            specs.add(AccountSpec.pending(h));
            specs.add(AccountSpec.available(h));
        });
        Map<String, Long> ids = accounts.require(specs);
        NewEntry.Builder entry = NewEntry.builder("release:" + orderId, EntryType.RELEASE).order(orderId);
        byHousehold.forEach((h, fen) -> entry.debit(ids.get(AccountSpec.pending(h).code()), fen));
        byHousehold.forEach((h, fen) -> entry.credit(ids.get(AccountSpec.available(h).code()), fen));
        if (entry.hasPostings()) {
            journal.append(entry.build());
        }
        return true;
    }

    List<Long> dueOrders(Instant now, int limit) {
        return jdbc.queryForList("SELECT order_id FROM ledger_order WHERE status = 'PENDING' AND release_due_at <= ? "
                + "ORDER BY release_due_at LIMIT ?", Long.class, Timestamp.from(now), limit);
    }
}
