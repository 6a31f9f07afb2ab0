package cn.zhunong.mall.ledger.payout;

import java.time.Instant;
import java.util.List;

/** A payout batch; {@code items} is empty in lists. */
public record PayoutBatchResponse(long id, long agencyId, long villageId, String villageName, String note, int itemCount,
        long totalFen, long paidOutCount, long confirmedCount, long createdBy, Instant createdAt, List<PayoutItemResponse> items) {
}
