package cn.zhunong.mall.groupbuy;

import java.time.Instant;

/** One of the caller's group orders with the state of its group (null fields: the group is not open yet). */
public record MyGroupView(long memberId, long activityId, String activityTitle, Long groupBuyId, MemberRole role,
        MemberStatus memberStatus, int quantity, Long orderId, GroupStatus groupStatus, Integer paidMembers, Integer size,
        Instant expiresAt, Instant createdAt) {
}
