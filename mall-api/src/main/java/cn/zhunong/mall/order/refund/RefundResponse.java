package cn.zhunong.mall.order.refund;

import java.time.Instant;
import java.util.List;

public record RefundResponse(long id, String outRequestNo, long orderId, Long orderLineId, long agencyId, ClaimType claimType,
        String reason, List<String> photos, long amountFen, RefundStatus status, String rejectReason, Instant reviewedAt,
        int attempts, String lastError, Instant refundedAt, Instant createdAt) {
}
