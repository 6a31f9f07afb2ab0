package cn.zhunong.mall.groupbuy;

import java.time.Instant;

/** An activity as agency staff see it. */
public record ActivityResponse(long id, long agencyId, long skuId, String title, long groupPriceFen, int groupSize,
        int durationMinutes, int perUserLimit, FullGroupRule fullGroupRule, Instant startsAt, Instant endsAt,
        ActivityStatus status, Instant createdAt, Instant updatedAt) {

    static ActivityResponse of(GroupBuyActivity a) {
        return new ActivityResponse(a.getId(), a.getAgencyId(), a.getSkuId(), a.getTitle(), a.getGroupPriceFen(),
                a.getGroupSize(), a.getDurationMinutes(), a.getPerUserLimit(), a.getFullGroupRule(), a.getStartsAt(),
                a.getEndsAt(), a.getStatus(), a.getCreatedAt(), a.getUpdatedAt());
    }
}
