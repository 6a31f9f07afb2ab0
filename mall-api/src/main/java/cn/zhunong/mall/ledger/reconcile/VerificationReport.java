package cn.zhunong.mall.ledger.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * The result of re-walking the journal: every hash recomputed, every entry balanced, every
 * account balance equal to the sum of its postings. {@code problems} holds at most 1000; {@code problemCount} all.
 */
public record VerificationReport(boolean ok, Instant checkedAt, long lastEntryId, long entriesChecked,
        long postingsChecked, long accountsChecked, long durationMillis, long problemCount, List<LedgerProblem> problems) {
}
