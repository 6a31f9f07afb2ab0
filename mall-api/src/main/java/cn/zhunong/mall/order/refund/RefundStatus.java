package cn.zhunong.mall.order.refund;

/** PENDING (agency review) -> REJECTED, or -> PROCESSING (Alipay) -> SUCCEEDED | FAILED. */
public enum RefundStatus {
    PENDING,
    REJECTED,
    PROCESSING,
    SUCCEEDED,
    FAILED
}
