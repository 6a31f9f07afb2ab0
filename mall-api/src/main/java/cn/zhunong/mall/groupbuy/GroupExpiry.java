package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderStatus;
import cn.zhunong.mall.order.refund.ClaimType;
import cn.zhunong.mall.payment.UnpaidOrders;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fails one expired, unfilled group. One transaction moves it OPEN -> FAILED (a compare-and-set
 * that a concurrent seat payment cannot pass: it needs an unexpired OPEN group) and starts a
 * whole-order refund for every paid member, returning their units to stock. Unpaid member orders
 * are then cancelled the safe way (Alipay is asked first and the trade closed); one that is paid
 * after all meets the failed group and follows the activity's full-group rule.
 */
@Service
public class GroupExpiry {

    private static final Logger log = LoggerFactory.getLogger(GroupExpiry.class);

    private final GroupBuyMapper groups;
    private final GroupBuyMemberMapper members;
    private final OrderMapper orders;
    private final GroupRefunds refunds;
    private final UnpaidOrders unpaid;
    private final Clock clock;
    private final TransactionTemplate tx;

    public GroupExpiry(GroupBuyMapper groups, GroupBuyMemberMapper members, OrderMapper orders, GroupRefunds refunds,
            UnpaidOrders unpaid, Clock clock, PlatformTransactionManager transactions) {
        this.groups = groups;
        this.members = members;
        this.orders = orders;
        this.refunds = refunds;
        this.unpaid = unpaid;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** True if this call failed the group (false: not expired, already finished, or another instance won). */
    public boolean fail(long groupId) {
        boolean failed = Boolean.TRUE.equals(tx.execute(status -> {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            if (groups.fail(groupId, now) == 0) {
                return false;
            }
            for (GroupBuyMember member : members.lockPaid(groupId)) {
                Order order = orders.selectById(member.getOrderId());
                long refundId = refunds.refundWholeOrder(order, ClaimType.GROUP_FAILED, now);
                members.markRefunding(member.getId(), order.getId(), refundId, now);
            }
            return true;
        }));
        if (!failed) {
            return false;
        }
        log.info("Group buy {} expired unfilled: failed, paid members refunded", groupId);
        for (GroupBuyMember member : members.findPending(groupId)) {
            Order order = member.getOrderId() == null ? null : orders.selectById(member.getOrderId());
            if (order == null || order.getStatus() != OrderStatus.CREATED) {
                continue;
            }
            try {
                unpaid.cancel(order);
            } catch (RuntimeException e) {
                // paid meanwhile (then the payment meets the failed group) or Alipay unreachable (the order times out)
                log.info("Unpaid order {} of failed group {} not cancelled: {}", order.getOrderNo(), groupId, e.toString());
            }
        }
        return true;
    }
}
