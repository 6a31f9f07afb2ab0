package cn.zhunong.mall.order.refund;

import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A buyer who paid after the order closed (cancelled or timed out while the cashier was open) gets
 * the whole payment back, without review. The payment is recorded on the closed order once
 * (compare-and-set on paid_fen = 0), so duplicate notifies create one refund.
 */
@Component
public class LatePaymentRefunds {

    private static final Logger log = LoggerFactory.getLogger(LatePaymentRefunds.class);

    private final OrderMapper orders;
    private final RefundMapper refunds;
    private final RefundExecutor executor;
    private final Clock clock;
    private final TransactionTemplate tx;

    public LatePaymentRefunds(OrderMapper orders, RefundMapper refunds, RefundExecutor executor, Clock clock,
            PlatformTransactionManager transactions) {
        this.orders = orders;
        this.refunds = refunds;
        this.executor = executor;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public void refund(Order closed, String tradeNo, long amountFen) {
        Long refundId = tx.execute(status -> {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            if (orders.recordLatePayment(closed.getId(), tradeNo, amountFen, now) == 0) {
                return null;
            }
            Refund refund = new Refund();
            refund.setOutRequestNo(closed.getOrderNo() + "LATE");
            refund.setOrderId(closed.getId());
            refund.setUserId(closed.getUserId());
            refund.setAgencyId(closed.getAgencyId());
            refund.setClaimType(ClaimType.PAID_AFTER_CLOSE);
            refund.setReason("订单关闭后到账的付款，自动退回");
            refund.setAmountFen(amountFen);
            refund.setStatus(RefundStatus.PROCESSING);
            refund.setAttempts(0);
            refund.setNextAttemptAt(now.plusSeconds(60));
            refund.setCreatedAt(now);
            refund.setUpdatedAt(now);
            refunds.insert(refund);
            return refund.getId();
        });
        if (refundId != null) {
            log.warn("Order {} was paid after it closed; refunding {} fen (refund {})", closed.getOrderNo(), amountFen, refundId);
            executor.execute(refundId);
        }
    }
}
