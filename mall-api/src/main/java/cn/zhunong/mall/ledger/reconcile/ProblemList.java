package cn.zhunong.mall.ledger.reconcile;

import java.util.ArrayList;
import java.util.List;

/** Collects problems, keeping the first {@link #LIMIT} in full and counting all of them. */
final class ProblemList {

    static final int LIMIT = 1000;

    private final List<LedgerProblem> kept = new ArrayList<>();
    private long count;

    void add(LedgerProblem problem) {
        count++;
        if (kept.size() < LIMIT) {
            kept.add(problem);
        }
    }

    void add(String kind, String subject, Object expected, Object actual, String detail, List<String> rows) {
        add(new LedgerProblem(kind, subject, expected == null ? null : expected.toString(),
                actual == null ? null : actual.toString(), detail, rows));
    }

    long count() {
        return count;
    }

    List<LedgerProblem> kept() {
        return List.copyOf(kept);
    }
}
