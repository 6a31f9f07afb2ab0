package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.order.OrderResponse;

/**
 * A group order just placed: pay {@code order} as any order. {@code groupBuyId} is null for a
 * leader until the payment opens the group.
 */
public record GroupOrderResponse(long memberId, long activityId, Long groupBuyId, MemberRole role, MemberStatus status,
        OrderResponse order) {
}
