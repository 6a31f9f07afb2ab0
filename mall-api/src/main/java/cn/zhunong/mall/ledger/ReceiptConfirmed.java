package cn.zhunong.mall.ledger;

import java.time.Instant;

/** The buyer received the order (or it was auto-confirmed): the after-sale window starts. Key {@code order-received:<orderId>}. */
public record ReceiptConfirmed(long orderId, Instant receivedAt) {

    public String idempotencyKey() {
        return "order-received:" + orderId;
    }
}
