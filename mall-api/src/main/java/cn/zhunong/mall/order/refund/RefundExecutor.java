package cn.zhunong.mall.order.refund;

import cn.zhunong.mall.infra.outbox.Outbox;
import cn.zhunong.mall.order.CloseReason;
import cn.zhunong.mall.order.LineRefundStatus;
import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderEvents;
import cn.zhunong.mall.order.OrderLine;
import cn.zhunong.mall.order.OrderLineMapper;
import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderStatus;
import cn.zhunong.mall.payment.AlipayGateway;
import cn.zhunong.mall.payment.AlipayGateway.RefundOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays an approved refund back through Alipay (alipay.trade.refund with the refund's own
 * out_request_no). Success is recorded once (compare-and-set on the refund row) together with the
 * order's refunded total, the line's state and a REFUND_SUCCEEDED event; an unknown outcome is
 * retried later with the same out_request_no, so Alipay pays back at most once.
 */
@Component
public class RefundExecutor {

    private static final Logger log = LoggerFactory.getLogger(RefundExecutor.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    private final RefundMapper refunds;
    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final AlipayGateway alipay;
    private final Outbox outbox;
    private final OrderEvents orderEvents;
    private final Clock clock;
    private final TransactionTemplate tx;

    public RefundExecutor(RefundMapper refunds, OrderMapper orders, OrderLineMapper lines, AlipayGateway alipay, Outbox outbox,
            OrderEvents orderEvents, Clock clock, PlatformTransactionManager transactions) {
        this.refunds = refunds;
        this.orders = orders;
        this.lines = lines;
        this.alipay = alipay;
        this.outbox = outbox;
        this.orderEvents = orderEvents;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** One attempt; returns the refund's state afterwards. */
    public RefundStatus execute(long refundId) {
        Refund refund = refunds.selectById(refundId);
        if (refund == null || refund.getStatus() != RefundStatus.PROCESSING) {
            return refund == null ? null : refund.getStatus();
        }
        Order order = orders.selectById(refund.getOrderId());
        RefundOutcome outcome = alipay.refund(order.getOrderNo(), refund.getOutRequestNo(), refund.getAmountFen(),
                refund.getReason());
        switch (outcome.kind()) {
            case SUCCEEDED -> recordSuccess(refund);
            case FAILED -> {
                log.warn("Refund {} of order {} refused by Alipay: {}", refund.getId(), order.getOrderNo(), outcome.code());
                tx.executeWithoutResult(status -> {
                    if (refunds.fail(refund.getId(), outcome.code(), now()) == 1 && refund.getOrderLineId() != null) {
                        lines.moveRefundStatus(refund.getOrderLineId(), LineRefundStatus.REFUNDING, LineRefundStatus.NONE);
                    }
                });
            }
            case UNKNOWN -> {
                int attempts = refund.getAttempts() == null ? 0 : refund.getAttempts();
                Duration wait = backoff(attempts);
                log.info("Refund {} outcome unknown ({}); retrying in {}", refund.getId(), outcome.code(), wait);
                refunds.retryLater(refund.getId(), outcome.code(), now().plus(wait), now());
            }
        }
        return refunds.selectById(refundId).getStatus();
    }

    private void recordSuccess(Refund refund) {
        tx.executeWithoutResult(status -> {
            Instant now = now();
            Order order = orders.lockById(refund.getOrderId());
            if (refunds.succeed(refund.getId(), now) == 0) {
                return; // another attempt recorded it
            }
            if (orders.addRefunded(order.getId(), refund.getAmountFen(), now) == 0) {
                throw new IllegalStateException("refund " + refund.getId() + " would exceed the paid amount");
            }
            if (refund.getOrderLineId() != null) {
                OrderLine line = lines.selectById(refund.getOrderLineId());
                lines.markRefunded(line.getId(), line.getLineFen());
            } else if (order.getStatus() != OrderStatus.CLOSED) {
                // a whole-order refund of a live order (a 拼团 that filled or failed): every line comes back
                lines.findByOrderId(order.getId()).stream()
                        .filter(l -> l.getRefundStatus() == LineRefundStatus.REFUNDING)
                        .forEach(l -> lines.markRefunded(l.getId(), l.getLineFen() - l.getRefundedFen()));
            }
            outbox.append("REFUND_SUCCEEDED", "REFUND", refund.getId(), payload(refund, order));
            closeIfEverythingRefunded(order, now);
        });
    }

    /** A paid order whose every line came back is closed (reason REFUNDED): nothing is left to ship. */
    private void closeIfEverythingRefunded(Order order, Instant now) {
        if (order.getStatus() == OrderStatus.CLOSED || order.getStatus() == OrderStatus.CREATED
                || order.getStatus() == OrderStatus.COMPLETED) {
            return;
        }
        List<OrderLine> orderLines = lines.findByOrderId(order.getId());
        if (orderLines.stream().allMatch(l -> l.getRefundStatus() == LineRefundStatus.REFUNDED)
                && orders.close(order.getId(), order.getStatus(), CloseReason.REFUNDED, now) == 1) {
            orderEvents.closed(orders.selectById(order.getId()), CloseReason.REFUNDED);
        }
    }

    private static Map<String, Object> payload(Refund refund, Order order) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("refundId", refund.getId());
        payload.put("outRequestNo", refund.getOutRequestNo());
        payload.put("orderId", order.getId());
        payload.put("orderNo", order.getOrderNo());
        payload.put("orderLineId", refund.getOrderLineId());
        payload.put("agencyId", order.getAgencyId());
        payload.put("amountFen", refund.getAmountFen());
        payload.put("claimType", refund.getClaimType().name());
        return payload;
    }

    /** 30 s, 1 min, 2 min, ... up to 30 min. */
    static Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(30).multipliedBy(1L << Math.min(attempts, 6));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
