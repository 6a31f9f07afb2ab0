package cn.zhunong.mall.groupbuy;

/** OPEN until its last seat is paid (SUCCEEDED) or it expires (FAILED). */
public enum GroupStatus {
    /** taking members */
    OPEN,
    /** full: its orders may ship */
    SUCCEEDED,
    /** expired unfilled: its paid members are refunded */
    FAILED
}
