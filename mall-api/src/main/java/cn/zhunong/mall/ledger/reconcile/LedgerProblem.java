package cn.zhunong.mall.ledger.reconcile;

import java.util.List;

/**
 * One thing that does not add up, with the rows behind it.
 *
 * @param kind     stable code, e.g. HASH_MISMATCH, BALANCE_MISMATCH, CLEARING_MISMATCH
 * @param subject  what it is about, e.g. {@code journal_entry#42}, {@code household#7}, {@code order#9}
 * @param rows     the rows to look at, as {@code table#id} (or {@code table#id/line})
 */
public record LedgerProblem(String kind, String subject, String expected, String actual, String detail, List<String> rows) {

    public LedgerProblem {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
