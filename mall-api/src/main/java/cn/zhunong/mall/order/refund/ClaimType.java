package cn.zhunong.mall.order.refund;

/** Why the buyer wants the money back. */
public enum ClaimType {
    /** 七天无理由: not for perishable goods once shipped */
    NO_REASON,
    /** a quality problem, with photos; for perishable goods within 48 h of receipt */
    QUALITY,
    /** set by the system: the buyer paid after the order had closed */
    PAID_AFTER_CLOSE,
    /** set by the system: a 拼团 member paid into a group that had filled meanwhile (rule REFUND) */
    GROUP_FULL,
    /** set by the system: the 拼团 group expired before it filled */
    GROUP_FAILED;

    /** Claims only the system files; a buyer may not choose them. */
    public boolean systemOnly() {
        return this == PAID_AFTER_CLOSE || this == GROUP_FULL || this == GROUP_FAILED;
    }
}
