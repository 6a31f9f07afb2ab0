package cn.zhunong.mall.ledger.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An entry to append: balanced, at least two postings, with the key of the event that caused it. */
public record NewEntry(String idempotencyKey, EntryType type, Long orderId, Long orderLineId, Long refundId,
        Long payoutItemId, List<NewPosting> postings) {

    public NewEntry {
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("an entry needs at least two postings: " + idempotencyKey);
        }
        long debit = postings.stream().mapToLong(NewPosting::debitFen).sum();
        long credit = postings.stream().mapToLong(NewPosting::creditFen).sum();
        if (debit != credit) {
            throw new IllegalArgumentException("unbalanced entry " + idempotencyKey + ": " + debit + " != " + credit);
        }
    }

    public static Builder builder(String idempotencyKey, EntryType type) {
        return new Builder(idempotencyKey, type);
    }

    /** Collects amounts per account and side (zero amounts are dropped) and checks the balance on build. */
    public static final class Builder {

        private final String key;
        private final EntryType type;
        private Long orderId;
        private Long orderLineId;
        private Long refundId;
        private Long payoutItemId;
        private final Map<Long, Long> debits = new LinkedHashMap<>();
        private final Map<Long, Long> credits = new LinkedHashMap<>();

        private Builder(String key, EntryType type) {
            this.key = key;
            this.type = type;
        }

        public Builder order(Long orderId) { this.orderId = orderId; return this; }
        public Builder orderLine(Long orderLineId) { this.orderLineId = orderLineId; return this; }
        public Builder refund(Long refundId) { this.refundId = refundId; return this; }
        public Builder payoutItem(Long payoutItemId) { this.payoutItemId = payoutItemId; return this; }

        public Builder debit(long accountId, long fen) {
            if (fen < 0) {
                throw new IllegalArgumentException("negative debit");
            }
            if (fen > 0) {
                debits.merge(accountId, fen, Long::sum);
            }
            return this;
        }

        public Builder credit(long accountId, long fen) {
            if (fen < 0) {
                throw new IllegalArgumentException("negative credit");
            }
            if (fen > 0) {
                credits.merge(accountId, fen, Long::sum);
            }
            return this;
        }

        /** False when nothing moves (every amount was zero): then there is no entry to post. */
        public boolean hasPostings() {
            return !debits.isEmpty() || !credits.isEmpty();
        }

        public NewEntry build() {
            List<NewPosting> postings = new ArrayList<>(debits.size() + credits.size());
            debits.forEach((account, fen) -> postings.add(new NewPosting(account, fen, 0)));
            credits.forEach((account, fen) -> postings.add(new NewPosting(account, 0, fen)));
            return new NewEntry(key, type, orderId, orderLineId, refundId, payoutItemId, postings);
        }
    }
}
