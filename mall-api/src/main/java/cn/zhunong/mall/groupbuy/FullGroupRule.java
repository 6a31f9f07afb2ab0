package cn.zhunong.mall.groupbuy;

/** What happens to a member who pays into a group that filled (or ended) meanwhile. */
public enum FullGroupRule {
    /** the payer opens a new group and becomes its leader */
    MOVE_TO_NEW_GROUP,
    /** the payment is refunded in full */
    REFUND
}
