package cn.zhunong.mall.ledger.journal;

import cn.zhunong.mall.infra.persistence.FixedSizeBatches;
import cn.zhunong.mall.ledger.LedgerTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends entries to the journal: the only code that writes journal_entry, posting and
 * account_balance. Everything is computed before the chain-head row is locked; under the lock it
 * only assigns ids, hashes in memory, and writes with multi-row inserts, so the serialised part
 * of a transaction stays short. Many entries may be appended in one call (one lock, one round
 * trip per table).
 */
@Component
public class JournalWriter {

    private static final String INSERT_ENTRY = "INSERT INTO journal_entry (id, idempotency_key, type, order_id, "
            + "order_line_id, refund_id, payout_item_id, created_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_POSTING =
            "INSERT INTO posting (entry_id, line_no, account_id, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?)";
    private static final String UPSERT_BALANCE = "INSERT INTO account_balance (account_id, debit_total_fen, "
            + "credit_total_fen, updated_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
            + "debit_total_fen = debit_total_fen + VALUES(debit_total_fen), "
            + "credit_total_fen = credit_total_fen + VALUES(credit_total_fen), updated_at = VALUES(updated_at)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JournalWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Locks the chain head until the transaction ends: appends and payout snapshots serialise on it. */
    public ChainHead lockHead() {
        requireTransaction();
        return jdbc.queryForObject("SELECT last_entry_id, last_hash FROM ledger_chain_head WHERE id = 1 FOR UPDATE",
                (rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)));
    }

    /** Appends the entries in order and returns their ids. Must run inside the caller's transaction. */
    public List<Long> append(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        requireTransaction();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDateTime createdAt = LedgerTime.utc(now);
        Map<Long, long[]> balanceDeltas = new TreeMap<>(); // account id order: a stable lock order
        int postingCount = 0;
        for (NewEntry entry : entries) {
            postingCount += entry.postings().size();
            for (NewPosting p : entry.postings()) {
                long[] delta = balanceDeltas.computeIfAbsent(p.accountId(), k -> new long[2]);
                delta[0] += p.debitFen();
                delta[1] += p.creditFen();
            }
        }

        ChainHead head = lockHead();
        long id = head.lastEntryId();
        String prev = head.lastHash();
        List<Object[]> entryRows = new ArrayList<>(entries.size());
        List<Object[]> postingRows = new ArrayList<>(postingCount);
        List<Long> ids = new ArrayList<>(entries.size());
        for (NewEntry entry : entries) {
            id++;
            List<EntryHasher.Line> lines = new ArrayList<>(entry.postings().size());
            int lineNo = 0;
            for (NewPosting p : entry.postings()) {
                lineNo++;
                lines.add(new EntryHasher.Line(lineNo, p.accountId(), p.debitFen(), p.creditFen()));
                postingRows.add(new Object[] {id, lineNo, p.accountId(), p.debitFen(), p.creditFen()});
            }
            String hash = EntryHasher.hash(EntryHasher.canonical(id, entry.idempotencyKey(), entry.type().name(),
                    entry.orderId(), entry.orderLineId(), entry.refundId(), entry.payoutItemId(), now.toEpochMilli(),
                    prev, lines));
            entryRows.add(new Object[] {id, entry.idempotencyKey(), entry.type().name(), entry.orderId(),
                    entry.orderLineId(), entry.refundId(), entry.payoutItemId(), createdAt, prev, hash});
            ids.add(id);
            prev = hash;
        }
        FixedSizeBatches.insert(jdbc, INSERT_ENTRY, entryRows);
        FixedSizeBatches.insert(jdbc, INSERT_POSTING, postingRows);
        List<Object[]> balanceRows = new ArrayList<>(balanceDeltas.size());
        balanceDeltas.forEach((account, d) -> balanceRows.add(new Object[] {account, d[0], d[1], createdAt}));
        FixedSizeBatches.insert(jdbc, UPSERT_BALANCE, balanceRows);
        jdbc.update("UPDATE ledger_chain_head SET last_entry_id = ?, last_hash = ?, updated_at = ? WHERE id = 1",
                id, prev, createdAt);
        return ids;
    }

    public long append(NewEntry entry) {
        return append(List.of(entry)).get(0);
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("journal writes must run inside a transaction");
        }
    }

    public record ChainHead(long lastEntryId, String lastHash) {
    }
}
