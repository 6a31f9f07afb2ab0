package cn.zhunong.mall.ledger;

import java.time.Instant;

/** A refund of (part of) one order line that the payment provider has completed. Key {@code refund:<refundId>}. */
public record Refund(long refundId, long orderId, long orderLineId, long amountFen, Instant at) {

    public String idempotencyKey() {
        return "refund:" + refundId;
    }
}
