package cn.zhunong.mall.ledger.reconcile;

import cn.zhunong.mall.ledger.journal.EntryHasher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-walks the whole journal in one consistent snapshot: recomputes every entry's hash and its
 * link to the previous one, checks ids are contiguous, every entry has two or more one-sided
 * postings that balance, the chain head points at the last entry, and every account_balance row
 * equals the sum of its postings. Entries and postings are streamed, so memory grows with the
 * number of accounts, not of postings.
 */
@Component
public class LedgerVerifier {

    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    public LedgerVerifier(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(Integer.MIN_VALUE); // MySQL/MariaDB drivers: stream rows one by one
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    public VerificationReport verify() {
        return snapshot.execute(status -> walk());
    }

    private VerificationReport walk() {
        long started = System.nanoTime();
        Instant checkedAt = clock.instant();
        ProblemList problems = new ProblemList();
        // the first read fixes the snapshot: head, balances and journal below are all as of this moment
        Map<String, Object> head = streaming.queryForMap("SELECT last_entry_id, last_hash FROM ledger_chain_head WHERE id = 1");
        Map<Long, long[]> balances = new HashMap<>();
        streaming.query("SELECT account_id, debit_total_fen, credit_total_fen FROM account_balance",
                rs -> {
                    balances.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });

        ChainWalk walk = new ChainWalk(problems);
        streaming.query("SELECT e.id, e.idempotency_key, e.type, e.order_id, e.order_line_id, e.refund_id, e.payout_item_id, "
                + "e.created_at, e.prev_hash, e.hash, p.line_no, p.account_id, p.debit_fen, p.credit_fen "
                + "FROM journal_entry e LEFT JOIN posting p ON p.entry_id = e.id ORDER BY e.id, p.line_no", walk::row);
        walk.finish();

        long headId = ((Number) head.get("last_entry_id")).longValue();
        String headHash = (String) head.get("last_hash");
        if (headId != walk.lastId || !headHash.equals(walk.lastHash)) {
            problems.add("HEAD_MISMATCH", "ledger_chain_head#1", walk.lastId + "/" + walk.lastHash, headId + "/" + headHash,
                    "the chain head does not point at the last entry", List.of("ledger_chain_head#1"));
        }
        streaming.query("SELECT p.entry_id, p.line_no FROM posting p LEFT JOIN journal_entry e ON e.id = p.entry_id "
                + "WHERE e.id IS NULL LIMIT 100", rs -> {
                    problems.add("ORPHAN_POSTING", "posting#" + rs.getLong(1) + "/" + rs.getInt(2), null, null,
                            "a posting without its entry", List.of("posting#" + rs.getLong(1) + "/" + rs.getInt(2)));
                });

        Set<Long> accounts = new HashSet<>(balances.keySet());
        accounts.addAll(walk.sums.keySet());
        for (Long account : accounts) {
            long[] stored = balances.getOrDefault(account, new long[2]);
            long[] summed = walk.sums.getOrDefault(account, new long[2]);
            if (stored[0] != summed[0] || stored[1] != summed[1]) {
                problems.add("BALANCE_MISMATCH", "ledger_account#" + account,
                        "debit " + summed[0] + " credit " + summed[1], "debit " + stored[0] + " credit " + stored[1],
                        "account_balance differs from the sum of the account's postings",
                        List.of("account_balance#" + account));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new VerificationReport(problems.count() == 0, checkedAt, walk.lastId, walk.entries, walk.postings,
                accounts.size(), millis, problems.count(), problems.kept());
    }

    /** Follows the rows of the join, one entry (with its postings) at a time. */
    private static final class ChainWalk {

        private final ProblemList problems;
        private final Map<Long, long[]> sums = new HashMap<>();
        private long entries;
        private long postings;
        private long lastId;
        private String lastHash = EntryHasher.GENESIS;

        private Long id;
        private String key;
        private String type;
        private Long orderId;
        private Long orderLineId;
        private Long refundId;
        private Long payoutItemId;
        private long createdAtMillis;
        private String prevHash;
        private String hash;
        private final List<EntryHasher.Line> lines = new ArrayList<>();

        ChainWalk(ProblemList problems) {
            this.problems = problems;
        }

        void row(ResultSet rs) throws SQLException {
            long rowId = rs.getLong(1);
            if (id == null || rowId != id) {
                finish();
                id = rowId;
                key = rs.getString(2);
                type = rs.getString(3);
                orderId = nullableLong(rs, 4);
                orderLineId = nullableLong(rs, 5);
                refundId = nullableLong(rs, 6);
                payoutItemId = nullableLong(rs, 7);
                createdAtMillis = rs.getTimestamp(8).toInstant().toEpochMilli();
                prevHash = rs.getString(9);
                hash = rs.getString(10);
            }
            int lineNo = rs.getInt(11);
            if (!rs.wasNull()) {
                long account = rs.getLong(12);
                long debit = rs.getLong(13);
                long credit = rs.getLong(14);
                lines.add(new EntryHasher.Line(lineNo, account, debit, credit));
                long[] sum = sums.computeIfAbsent(account, k -> new long[2]);
                sum[0] += debit;
                sum[1] += credit;
                postings++;
            }
        }

        void finish() {
            if (id == null) {
                return;
            }
            entries++;
            String subject = "journal_entry#" + id;
            if (id != lastId + 1) {
                problems.add("CHAIN_GAP", subject, lastId + 1, id, "entry ids must be contiguous", List.of(subject));
            }
            if (!lastHash.equals(prevHash)) {
                problems.add("PREV_HASH_MISMATCH", subject, lastHash, prevHash,
                        "prev_hash does not match the previous entry's hash", List.of(subject));
            }
            String recomputed = EntryHasher.hash(EntryHasher.canonical(id, key, type, orderId, orderLineId, refundId,
                    payoutItemId, createdAtMillis, prevHash, lines));
            if (!recomputed.equals(hash)) {
                problems.add("HASH_MISMATCH", subject, recomputed, hash,
                        "the entry or one of its postings was changed after it was written", rowsOf(subject));
            }
            if (lines.size() < 2) {
                problems.add("TOO_FEW_POSTINGS", subject, ">= 2", lines.size(), "an entry needs two or more postings",
                        rowsOf(subject));
            }
            long debit = 0;
            long credit = 0;
            for (EntryHasher.Line line : lines) {
                debit += line.debitFen();
                credit += line.creditFen();
                boolean oneSided = (line.debitFen() > 0 && line.creditFen() == 0) || (line.debitFen() == 0 && line.creditFen() > 0);
                if (!oneSided) {
                    problems.add("POSTING_NOT_ONE_SIDED", "posting#" + id + "/" + line.lineNo(), "one positive side",
                            line.debitFen() + "/" + line.creditFen(), "a posting has exactly one positive side",
                            List.of("posting#" + id + "/" + line.lineNo()));
                }
            }
            if (debit != credit) {
                problems.add("ENTRY_UNBALANCED", subject, "debits = credits", debit + " != " + credit,
                        "the entry's debits and credits differ", rowsOf(subject));
            }
            lastId = id;
            lastHash = hash;
            id = null;
            lines.clear();
        }

        private List<String> rowsOf(String subject) {
            List<String> rows = new ArrayList<>();
            rows.add(subject);
            lines.forEach(l -> rows.add("posting#" + id + "/" + l.lineNo()));
            return rows;
        }

        private static Long nullableLong(ResultSet rs, int column) throws SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }
    }
}
