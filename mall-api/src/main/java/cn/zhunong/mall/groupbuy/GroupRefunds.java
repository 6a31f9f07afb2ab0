package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.order.LineRefundStatus;
import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderLine;
import cn.zhunong.mall.order.OrderLineMapper;
import cn.zhunong.mall.order.refund.ClaimType;
import cn.zhunong.mall.order.refund.Refund;
import cn.zhunong.mall.order.refund.RefundExecutor;
import cn.zhunong.mall.order.refund.RefundMapper;
import cn.zhunong.mall.order.refund.RefundStatus;
import cn.zhunong.mall.order.stock.StockCounters;
import cn.zhunong.mall.order.stock.StockMapper;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives a paid group order its whole payment back: inside the caller's transaction a PROCESSING
 * refund (no review, no line: the whole order) is written, the lines are marked REFUNDING and the
 * units go back to stock. After the commit the refund is attempted through {@link RefundExecutor}
 * at once; if that attempt fails or the process dies first, the refund is due already, so
 * {@code RefundRetryJob} picks it up with the same out_request_no.
 */
@Component
public class GroupRefunds {

    private static final Logger log = LoggerFactory.getLogger(GroupRefunds.class);

    private final RefundMapper refunds;
    private final OrderLineMapper lines;
    private final StockMapper stock;
    private final StockCounters counters;
    private final RefundExecutor executor;

    public GroupRefunds(RefundMapper refunds, OrderLineMapper lines, StockMapper stock, StockCounters counters,
            RefundExecutor executor) {
        this.refunds = refunds;
        this.lines = lines;
        this.stock = stock;
        this.counters = counters;
        this.executor = executor;
    }

    /** Must run inside a transaction; returns the new refund's id. */
    public long refundWholeOrder(Order order, ClaimType claim, Instant now) {
        Refund refund = new Refund();
        refund.setOutRequestNo(order.getOrderNo() + "GB");
        refund.setOrderId(order.getId());
        refund.setUserId(order.getUserId());
        refund.setAgencyId(order.getAgencyId());
        refund.setClaimType(claim);
        refund.setReason(claim == ClaimType.GROUP_FULL ? "拼团已满员，全额退款" : "拼团未成团，全额退款");
        refund.setAmountFen(order.getPaidFen());
        refund.setStatus(RefundStatus.PROCESSING);
        refund.setAttempts(0);
        refund.setNextAttemptAt(now);
        refund.setCreatedAt(now);
        refund.setUpdatedAt(now);
        refunds.insert(refund);

        List<OrderLine> orderLines = lines.findByOrderId(order.getId());
        Map<Long, Integer> units = new TreeMap<>();
        orderLines.stream().sorted(Comparator.comparing(OrderLine::getSkuId)).forEach(l -> {
            lines.moveRefundStatus(l.getId(), LineRefundStatus.NONE, LineRefundStatus.REFUNDING);
            stock.giveBack(l.getSkuId(), l.getQuantity());
            units.put(l.getSkuId(), l.getQuantity());
        });
        long refundId = refund.getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    counters.release(units);
                    executor.execute(refundId);
                } catch (RuntimeException e) {
                    log.info("Group refund {} not done yet ({}); the retry job will try again", refundId, e.toString());
                }
            }
        });
        return refundId;
    }
}
