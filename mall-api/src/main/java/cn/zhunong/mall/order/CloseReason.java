package cn.zhunong.mall.order;

/** Why an order reached CLOSED. */
public enum CloseReason {
    /** the buyer cancelled before paying */
    CANCELLED,
    /** unpaid when the payment window ended */
    TIMEOUT,
    /** every line was refunded */
    REFUNDED
}
