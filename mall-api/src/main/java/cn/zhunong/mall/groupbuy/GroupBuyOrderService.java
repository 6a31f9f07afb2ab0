package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.order.Attribution;
import cn.zhunong.mall.order.CatalogReader;
import cn.zhunong.mall.order.CreateOrderRequest;
import cn.zhunong.mall.order.IdempotencyKeys;
import cn.zhunong.mall.order.OrderErrors;
import cn.zhunong.mall.order.OrderItemRequest;
import cn.zhunong.mall.order.OrderPlacementService;
import cn.zhunong.mall.order.SkuOffer;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening and joining groups. Either is an ordinary order placed through
 * {@link OrderPlacementService} at the activity's group price, preceded by a member row with the
 * order's idempotency key — written under a lock on the citizen's account row, so the per-user
 * limit holds against parallel requests of one citizen without holding up anyone else. The seat is
 * taken only when the order is paid ({@link GroupSeats}).
 */
@Service
public class GroupBuyOrderService {

    /** A member row whose order was never written (crash in between) stops counting after this. */
    private static final Duration UNATTACHED_GRACE = Duration.ofMinutes(10);

    private final GroupBuyActivityMapper activities;
    private final GroupBuyMapper groups;
    private final GroupBuyMemberMapper members;
    private final OrderPlacementService placement;
    private final CatalogReader catalog;
    private final Clock clock;
    private final TransactionTemplate tx;

    public GroupBuyOrderService(GroupBuyActivityMapper activities, GroupBuyMapper groups, GroupBuyMemberMapper members,
            OrderPlacementService placement, CatalogReader catalog, Clock clock, PlatformTransactionManager transactions) {
        this.activities = activities;
        this.groups = groups;
        this.members = members;
        this.placement = placement;
        this.catalog = catalog;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The order and whether this call created it (false: an Idempotency-Key replay). */
    public record Placed(GroupOrderResponse response, boolean created) {
    }

    public Placed open(CurrentUser buyer, String idempotencyKey, long activityId, GroupOrderRequest request) {
        GroupBuyActivity activity = activities.selectById(activityId);
        if (activity == null) {
            throw GroupBuyErrors.activityNotFound();
        }
        return place(buyer, idempotencyKey, activity, null, request);
    }

    public Placed join(CurrentUser buyer, String idempotencyKey, long groupId, GroupOrderRequest request) {
        GroupBuy group = groups.selectById(groupId);
        if (group == null) {
            throw GroupBuyErrors.groupNotFound();
        }
        return place(buyer, idempotencyKey, activities.selectById(group.getActivityId()), group, request);
    }

    private Placed place(CurrentUser buyer, String idempotencyKey, GroupBuyActivity activity, GroupBuy group,
            GroupOrderRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        CreateOrderRequest order = new CreateOrderRequest(
                List.of(new OrderItemRequest(activity.getSkuId(), request.quantity())), request.address(),
                new Attribution(null, null, null, group == null ? null : group.getId()), request.note(), null);
        GroupBuyMember existing = members.findByUserKey(buyer.id(), key);
        if (existing != null) {
            return replay(buyer, key, order, activity, existing);
        }
        Instant now = now();
        SkuOffer offer = catalog.offers(Set.of(activity.getSkuId()), false).get(activity.getSkuId());
        if (!GroupBuyActivityService.isOpen(activity, now) || offer == null) {
            throw GroupBuyErrors.activityNotOpen();
        }
        if (group != null && (group.getStatus() != GroupStatus.OPEN || !group.getExpiresAt().isAfter(now)
                || group.getPaidMembers() >= group.getSize())) {
            throw GroupBuyErrors.groupNotJoinable();
        }
        if (request.quantity() > activity.getPerUserLimit()) {
            throw GroupBuyErrors.limitReached(activity.getPerUserLimit());
        }
        GroupBuyMember member;
        try {
            member = reserve(buyer, key, activity, group, request.quantity(), now);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_member_idempotency")) {
                // the same request arrived twice at once; the other one placed it
                return replay(buyer, key, order, activity, members.findByUserKey(buyer.id(), key));
            }
            throw e;
        }
        OrderPlacementService.Placement placed;
        try {
            // never above the catalog price, even if the SKU got cheaper after the activity was set up
            long unitFen = Math.min(activity.getGroupPriceFen(), offer.priceFen());
            placed = placement.place(buyer, key, order, Map.of(activity.getSkuId(), unitFen));
        } catch (RuntimeException e) {
            members.deleteById(member.getId());
            throw e;
        }
        if (!placed.created()) {
            // the key belongs to an ordinary order placed before: not a group order
            members.deleteById(member.getId());
            throw OrderErrors.idempotencyKeyReused();
        }
        members.attachOrder(member.getId(), placed.order().id(), now());
        return new Placed(new GroupOrderResponse(member.getId(), activity.getId(), member.getGroupBuyId(), member.getRole(),
                MemberStatus.PENDING, placed.order()), true);
    }

    private GroupBuyMember reserve(CurrentUser buyer, String key, GroupBuyActivity activity, GroupBuy group, int quantity,
            Instant now) {
        return tx.execute(status -> {
            groups.lockUser(buyer.id());
            if (group != null && members.countLiveInGroup(group.getId(), buyer.id()) > 0) {
                throw GroupBuyErrors.alreadyInGroup();
            }
            long held = members.unitsHeld(activity.getId(), buyer.id(), now.minus(UNATTACHED_GRACE));
            if (held + quantity > activity.getPerUserLimit()) {
                throw GroupBuyErrors.limitReached(activity.getPerUserLimit());
            }
            GroupBuyMember member = new GroupBuyMember();
            member.setActivityId(activity.getId());
            member.setGroupBuyId(group == null ? null : group.getId());
            member.setUserId(buyer.id());
            member.setIdempotencyKey(key);
            member.setRole(group == null ? MemberRole.LEADER : MemberRole.MEMBER);
            member.setQuantity(quantity);
            member.setStatus(MemberStatus.PENDING);
            member.setCreatedAt(now);
            member.setUpdatedAt(now);
            members.insert(member);
            return member;
        });
    }

    private Placed replay(CurrentUser buyer, String key, CreateOrderRequest order, GroupBuyActivity activity,
            GroupBuyMember member) {
        if (!member.getActivityId().equals(activity.getId())) {
            throw OrderErrors.idempotencyKeyReused();
        }
        // the stored order answers (and refuses another body under the same key); the price is not re-read
        OrderPlacementService.Placement placed = placement.place(buyer, key, order, Map.of(activity.getSkuId(),
                activity.getGroupPriceFen()));
        GroupBuyMember current = members.selectById(member.getId());
        return new Placed(new GroupOrderResponse(current.getId(), current.getActivityId(), current.getGroupBuyId(),
                current.getRole(), current.getStatus(), placed.order()), false);
    }

    public PageResult<MyGroupView> mine(CurrentUser user, PageQuery page) {
        Page<GroupBuyMember> result = members.selectPage(page.toPage(), new LambdaQueryWrapper<GroupBuyMember>()
                .eq(GroupBuyMember::getUserId, user.id())
                .orderByDesc(GroupBuyMember::getId));
        return PageResult.of(result, m -> {
            GroupBuyActivity activity = activities.selectById(m.getActivityId());
            GroupBuy group = m.getGroupBuyId() == null ? null : groups.selectById(m.getGroupBuyId());
            return new MyGroupView(m.getId(), m.getActivityId(), activity.getTitle(), m.getGroupBuyId(), m.getRole(),
                    m.getStatus(), m.getQuantity(), m.getOrderId(), group == null ? null : group.getStatus(),
                    group == null ? null : group.getPaidMembers(), group == null ? null : group.getSize(),
                    group == null ? null : group.getExpiresAt(), m.getCreatedAt());
        });
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
