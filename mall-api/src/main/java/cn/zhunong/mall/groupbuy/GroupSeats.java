package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderTransitionHook;
import cn.zhunong.mall.order.refund.ClaimType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seats are allocated when a group order is paid, inside the transaction that marks it paid:
 * <ul>
 *   <li>a leader's payment creates the group with one paid seat;</li>
 *   <li>a member's payment takes a seat with a conditional UPDATE ({@link GroupBuyMapper#takeSeat});
 *       the payment that takes the last seat marks the group SUCCEEDED and writes
 *       GROUP_BUY_SUCCEEDED, once;</li>
 *   <li>a member whose group filled, failed or expired meanwhile opens a new group as its leader
 *       (rule MOVE_TO_NEW_GROUP) or gets the whole payment back (rule REFUND).</li>
 * </ul>
 * Orders that are not group orders have no member row and pass untouched.
 */
@Component
public class GroupSeats implements OrderTransitionHook {

    private static final Logger log = LoggerFactory.getLogger(GroupSeats.class);

    private final GroupBuyActivityMapper activities;
    private final GroupBuyMapper groups;
    private final GroupBuyMemberMapper members;
    private final GroupBuyEvents events;
    private final GroupRefunds refunds;
    private final Clock clock;

    public GroupSeats(GroupBuyActivityMapper activities, GroupBuyMapper groups, GroupBuyMemberMapper members,
            GroupBuyEvents events, GroupRefunds refunds, Clock clock) {
        this.activities = activities;
        this.groups = groups;
        this.members = members;
        this.events = events;
        this.refunds = refunds;
        this.clock = clock;
    }

    @Override
    public void paid(Order order) {
        GroupBuyMember member = members.findByUserKey(order.getUserId(), order.getIdempotencyKey());
        if (member == null || member.getStatus() != MemberStatus.PENDING) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        GroupBuyActivity activity = activities.selectById(member.getActivityId());
        Long groupId = member.getGroupBuyId();
        if (groupId != null && groups.takeSeat(groupId, now) == 1) {
            members.markPaid(member.getId(), groupId, member.getRole(), order.getId(), now);
            if (groups.succeedIfFull(groupId, now) == 1) {
                events.succeeded(groupId, members.paidOrderIds(groupId));
                log.info("Group buy {} succeeded", groupId);
            }
            return;
        }
        if (groupId == null || activity.getFullGroupRule() == FullGroupRule.MOVE_TO_NEW_GROUP) {
            GroupBuy group = openGroup(activity, order, now);
            members.markPaid(member.getId(), group.getId(), MemberRole.LEADER, order.getId(), now);
            groups.assignOrder(order.getId(), group.getId(), now);
            if (groupId != null) {
                log.info("Order {} paid into full group {}; moved to new group {}", order.getOrderNo(), groupId, group.getId());
            }
            return;
        }
        long refundId = refunds.refundWholeOrder(order, ClaimType.GROUP_FULL, now);
        members.markRefunding(member.getId(), order.getId(), refundId, now);
        log.info("Order {} paid into full group {}; refunding (refund {})", order.getOrderNo(), groupId, refundId);
    }

    /** Group orders ship only once their group succeeded, and only if they hold a seat in it. */
    @Override
    public void beforeShip(Order order) {
        GroupBuyMember member = members.findByUserKey(order.getUserId(), order.getIdempotencyKey());
        if (member == null) {
            return;
        }
        GroupBuy group = member.getGroupBuyId() == null ? null : groups.selectById(member.getGroupBuyId());
        if (member.getStatus() != MemberStatus.PAID || group == null || group.getStatus() != GroupStatus.SUCCEEDED) {
            throw GroupBuyErrors.notComplete();
        }
    }

    /**
     * A paid member of a group still filling holds a seat others counted on: no refund application
     * then (a failed group refunds everyone in full by itself). After success the usual after-sale rules apply.
     */
    @Override
    public void beforeRefundApplication(Order order) {
        GroupBuyMember member = members.findByUserKey(order.getUserId(), order.getIdempotencyKey());
        if (member == null || member.getStatus() != MemberStatus.PAID) {
            return;
        }
        GroupBuy group = groups.selectById(member.getGroupBuyId());
        if (group != null && group.getStatus() == GroupStatus.OPEN) {
            throw GroupBuyErrors.inProgress();
        }
    }

    private GroupBuy openGroup(GroupBuyActivity activity, Order leaderOrder, Instant now) {
        GroupBuy group = new GroupBuy();
        group.setActivityId(activity.getId());
        group.setAgencyId(activity.getAgencyId());
        group.setLeaderUserId(leaderOrder.getUserId());
        group.setLeaderOrderId(leaderOrder.getId());
        group.setSize(activity.getGroupSize());
        group.setPaidMembers(1);
        group.setStatus(GroupStatus.OPEN);
        group.setExpiresAt(now.plus(Duration.ofMinutes(activity.getDurationMinutes())));
        group.setCreatedAt(now);
        group.setUpdatedAt(now);
        groups.insert(group);
        return group;
    }
}
