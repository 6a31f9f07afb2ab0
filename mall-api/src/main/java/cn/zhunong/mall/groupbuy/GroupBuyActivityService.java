package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.order.CatalogReader;
import cn.zhunong.mall.order.SkuOffer;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * 拼团 activities: created and changed by staff of the SKU's agency (AgencyScope), shown publicly
 * with their open groups.
 */
@Service
public class GroupBuyActivityService {

    private static final int PUBLIC_GROUPS = 20;

    private final GroupBuyActivityMapper activities;
    private final GroupBuyMapper groups;
    private final CatalogReader catalog;
    private final AgencyScope scope;
    private final Clock clock;

    public GroupBuyActivityService(GroupBuyActivityMapper activities, GroupBuyMapper groups, CatalogReader catalog,
            AgencyScope scope, Clock clock) {
        this.activities = activities;
        this.groups = groups;
        this.catalog = catalog;
        this.scope = scope;
        this.clock = clock;
    }

    public ActivityResponse create(CurrentUser user, ActivityRequest request) {
        SkuOffer offer = catalog.offers(Set.of(request.skuId()), false).get(request.skuId());
        ApiException skuNotFound = ApiException.notFound("SKU_NOT_FOUND", "商品规格不存在");
        if (offer == null) {
            throw skuNotFound;
        }
        scope.requireWrite(user, offer.agencyId(), skuNotFound);
        check(request, offer);
        Instant now = now();
        GroupBuyActivity activity = new GroupBuyActivity();
        activity.setAgencyId(offer.agencyId());
        activity.setSkuId(offer.skuId());
        activity.setStatus(ActivityStatus.ACTIVE);
        activity.setCreatedBy(user.id());
        activity.setCreatedAt(now);
        apply(activity, request, now);
        activities.insert(activity);
        return ActivityResponse.of(activity);
    }

    public ActivityResponse update(CurrentUser user, long id, ActivityRequest request) {
        GroupBuyActivity activity = writable(user, id);
        if (!activity.getSkuId().equals(request.skuId())) {
            throw GroupBuyErrors.unprocessable("SKU_IMMUTABLE", "活动创建后不能更换商品规格");
        }
        if (activity.getStatus() == ActivityStatus.CANCELLED) {
            throw ApiException.conflict("GROUP_BUY_ACTIVITY_CANCELLED", "活动已取消，不能修改");
        }
        SkuOffer offer = catalog.offers(Set.of(request.skuId()), false).get(request.skuId());
        if (offer == null) {
            throw ApiException.notFound("SKU_NOT_FOUND", "商品规格不存在");
        }
        check(request, offer);
        apply(activity, request, now());
        activities.updateById(activity);
        return ActivityResponse.of(activity);
    }

    /** No new groups or members from now on; running groups finish (succeed or fail) as usual. */
    public ActivityResponse cancel(CurrentUser user, long id) {
        GroupBuyActivity activity = writable(user, id);
        activity.setStatus(ActivityStatus.CANCELLED);
        activity.setUpdatedAt(now());
        activities.updateById(activity);
        return ActivityResponse.of(activity);
    }

    public ActivityResponse get(CurrentUser user, long id) {
        GroupBuyActivity activity = activities.selectById(id);
        if (activity == null) {
            throw GroupBuyErrors.activityNotFound();
        }
        scope.requireRead(user, activity.getAgencyId(), GroupBuyErrors.activityNotFound());
        return ActivityResponse.of(activity);
    }

    public PageResult<ActivityResponse> list(CurrentUser user, PageQuery page) {
        Set<Long> readable = scope.readableAgencies(user);
        if (readable != null && readable.isEmpty()) {
            return new PageResult<>(List.of(), 1, 20, 0);
        }
        LambdaQueryWrapper<GroupBuyActivity> where = new LambdaQueryWrapper<GroupBuyActivity>()
                .in(readable != null, GroupBuyActivity::getAgencyId, readable)
                .orderByDesc(GroupBuyActivity::getId);
        Page<GroupBuyActivity> result = activities.selectPage(page.toPage(), where);
        return PageResult.of(result, ActivityResponse::of);
    }

    /** Anyone may see an activity that is not cancelled, with its open groups; leaders appear masked. */
    public PublicActivityView publicView(long id) {
        GroupBuyActivity activity = activities.selectById(id);
        if (activity == null || activity.getStatus() == ActivityStatus.CANCELLED) {
            throw GroupBuyErrors.activityNotFound();
        }
        SkuOffer offer = catalog.offers(Set.of(activity.getSkuId()), false).get(activity.getSkuId());
        if (offer == null) {
            throw GroupBuyErrors.activityNotFound();
        }
        Instant now = now();
        List<PublicActivityView.OpenGroup> open = groups.findOpen(id, now, PUBLIC_GROUPS).stream()
                .map(g -> new PublicActivityView.OpenGroup(g.getId(), leaderMasked(g.getLeaderUserId()), g.getPaidMembers(),
                        g.getSize(), g.getSize() - g.getPaidMembers(), g.getExpiresAt()))
                .toList();
        return new PublicActivityView(activity.getId(), activity.getTitle(), activity.getSkuId(), offer.productName(),
                offer.spec(), Math.min(activity.getGroupPriceFen(), offer.priceFen()), offer.priceFen(),
                activity.getGroupSize(), activity.getDurationMinutes(), activity.getPerUserLimit(), activity.getStartsAt(),
                activity.getEndsAt(), isOpen(activity, now) && offer.buyable(), open);
    }

    static boolean isOpen(GroupBuyActivity activity, Instant now) {
        return activity.getStatus() == ActivityStatus.ACTIVE && !now.isBefore(activity.getStartsAt())
                && now.isBefore(activity.getEndsAt());
    }

    private String leaderMasked(long userId) {
        String name = groups.displayName(userId);
        return name == null || name.isBlank() ? "团长" : Masking.personName(name.trim());
    }

    private GroupBuyActivity writable(CurrentUser user, long id) {
        GroupBuyActivity activity = activities.selectById(id);
        if (activity == null) {
            throw GroupBuyErrors.activityNotFound();
        }
        scope.requireWrite(user, activity.getAgencyId(), GroupBuyErrors.activityNotFound());
        return activity;
    }

    private static void check(ActivityRequest request, SkuOffer offer) {
        if (request.groupPriceFen() > offer.priceFen()) {
            throw GroupBuyErrors.unprocessable("GROUP_PRICE_ABOVE_PRICE",
                    "拼团价不能高于商品原价（" + offer.priceFen() + " 分）");
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw GroupBuyErrors.unprocessable("PERIOD_INVALID", "活动结束时间须晚于开始时间");
        }
    }

    private static void apply(GroupBuyActivity activity, ActivityRequest request, Instant now) {
        activity.setTitle(request.title().trim());
        activity.setGroupPriceFen(request.groupPriceFen());
        activity.setGroupSize(request.groupSize());
        activity.setDurationMinutes(request.durationMinutes());
        activity.setPerUserLimit(request.perUserLimit());
        activity.setFullGroupRule(request.fullGroupRule());
        activity.setStartsAt(request.startsAt().truncatedTo(ChronoUnit.MILLIS));
        activity.setEndsAt(request.endsAt().truncatedTo(ChronoUnit.MILLIS));
        activity.setUpdatedAt(now);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
