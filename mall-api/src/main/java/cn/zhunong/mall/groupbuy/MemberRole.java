package cn.zhunong.mall.groupbuy;

/** Who opened the group. */
public enum MemberRole {
    /** 团长: opened the group, or was moved into a new one */
    LEADER,
    /** joined an open group */
    MEMBER
}
