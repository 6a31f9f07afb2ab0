package cn.zhunong.mall.groupbuy;

/** Where one group order stands. */
public enum MemberStatus {
    /** order placed, not paid */
    PENDING,
    /** paid and holding a seat */
    PAID,
    /** paid but refunded in full (group full or failed) */
    REFUNDING
}
