package cn.zhunong.mall.groupbuy;

/** An activity takes new groups and members only while ACTIVE and within its period. */
public enum ActivityStatus {
    /** open for new groups */
    ACTIVE,
    /** withdrawn by the agency; running groups finish */
    CANCELLED
}
