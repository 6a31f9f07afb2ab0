package cn.zhunong.mall.ledger.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * Internal reconciliation: what the ledger recorded against what it was told and what it allocated.
 * {@code problems} holds at most 1000; {@code problemCount} all of them.
 */
public record ReconciliationReport(boolean ok, Instant checkedAt, long durationMillis, Totals totals, long problemCount,
        List<LedgerProblem> problems) {

    /**
     * @param allocatedFen        Σ allocation income
     * @param householdCreditsFen Σ credits to households' pending accounts
     * @param paidFen             Σ paid amounts received from the orders side
     * @param refundedFen         Σ refunds received from the orders side
     * @param clearingDebitsFen   Σ debits of the clearing account
     * @param clearingCreditsFen  Σ credits of the clearing account
     */
    public record Totals(long allocations, long households, long orders, long allocatedFen, long householdCreditsFen,
            long paidFen, long refundedFen, long clearingDebitsFen, long clearingCreditsFen) {
    }
}
