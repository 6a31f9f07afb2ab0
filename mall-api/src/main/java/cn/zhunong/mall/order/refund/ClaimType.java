package cn.zhunong.mall.order.refund;

/** Why the buyer wants the money back. */
public enum ClaimType {
    /** 七天无理由: not for perishable goods once shipped */
    NO_REASON,
    /** a quality problem, with photos; for perishable goods within 48 h of receipt */
    QUALITY,
    /** set by the system: the buyer paid after the order had closed */
    PAID_AFTER_CLOSE
}
