package cn.zhunong.mall.groupbuy;

import java.time.Instant;
import java.util.List;

/** The public page of an activity: no personal data, leaders only as a masked name. */
public record PublicActivityView(long id, String title, long skuId, String productName, String spec, long groupPriceFen,
        long normalPriceFen, int groupSize, int durationMinutes, int perUserLimit, Instant startsAt, Instant endsAt,
        boolean open, List<OpenGroup> openGroups) {

    public record OpenGroup(long groupBuyId, String leaderMasked, int paidMembers, int size, int seatsLeft, Instant expiresAt) {
    }
}
