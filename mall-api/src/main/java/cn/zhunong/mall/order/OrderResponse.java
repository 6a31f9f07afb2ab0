package cn.zhunong.mall.order;

import java.time.Instant;
import java.util.List;

/** An order as the API shows it. The receiver's phone is only ever shown masked. */
public record OrderResponse(long id, String orderNo, OrderStatus status, long agencyId, long goodsFen, long shippingFen,
        long totalFen, long paidFen, long refundedFen, Receiver receiver, String note, Attribution attribution,
        Instant createdAt, Instant expiresAt, Instant paidAt, Instant shippedAt, Instant receivedAt, Instant completedAt,
        Instant closedAt, CloseReason closeReason, String payChannel, String carrier, String trackingNo,
        List<OrderLineResponse> lines) {

    public record Receiver(String name, String phoneMasked, String provinceCode, String address) {
    }
}
