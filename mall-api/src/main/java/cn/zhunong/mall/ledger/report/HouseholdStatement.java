package cn.zhunong.mall.ledger.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A household's income statement for a period (dates in Asia/Shanghai, both inclusive). */
public record HouseholdStatement(Household household, LocalDate from, LocalDate to, List<Line> lines, Totals totals,
        List<Payout> payouts, Balances balances) {

    /** Who the statement is for, as staff see it (bank account masked). */
    public record Household(long id, String headName, String publicAlias, String bankAccountMasked, long villageId,
            String villageName, long agencyId) {
    }

    /** One allocation: units of an order line credited to the household. */
    public record Line(LocalDate date, long orderId, long orderLineId, long skuId, String productName, String skuSpec,
            String rule, int units, long incomeFen, long reversedFen, long netIncomeFen, String status, Long payoutItemId) {
    }

    /** Sums over the period's lines; the status columns split netIncomeFen by where the income is now. */
    public record Totals(int lines, long units, long incomeFen, long reversedFen, long netIncomeFen, long pendingFen,
            long availableFen, long paidOutFen, long confirmedFen) {
    }

    /** Payout items created in the period. */
    public record Payout(long itemId, long batchId, long amountFen, String status, String method, String reference,
            Instant createdAt, Instant paidAt, Instant confirmedAt) {
    }

    /** Current balances of the household's accounts (not limited to the period); available may be negative. */
    public record Balances(long pendingFen, long availableFen, long paidFen) {
    }
}
