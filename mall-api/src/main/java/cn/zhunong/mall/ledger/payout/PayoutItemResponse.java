package cn.zhunong.mall.ledger.payout;

import java.time.Instant;

/** One household in a batch (bank account masked). */
public record PayoutItemResponse(long id, long batchId, long householdId, String headName, String bankAccountMasked,
        long amountFen, String status, PayoutMethod method, String reference, boolean hasProof, Instant paidAt,
        Instant confirmedAt, String confirmNote) {
}
