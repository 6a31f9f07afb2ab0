package cn.zhunong.mall.order;

/** Refund state of one order line (DESIGN §4: REFUNDING -> REFUNDED). */
public enum LineRefundStatus {
    NONE,
    /** a refund was applied for and is under review or being paid back */
    REFUNDING,
    REFUNDED
}
