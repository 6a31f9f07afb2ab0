package cn.zhunong.mall.payment;

import cn.zhunong.mall.order.CloseReason;
import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderErrors;
import cn.zhunong.mall.order.OrderLifecycle;
import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderStatus;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Closing unpaid orders safely. Before an order whose payment was started is closed, Alipay is
 * asked (alipay.trade.query) whether the buyer paid after all — a missed notify must not turn a
 * paid order into a closed one — and the Alipay trade is closed (alipay.trade.close) so that it
 * cannot be paid any more. A payment that still slips through is refunded automatically
 * ({@link PaymentSettlement}).
 */
@Service
public class UnpaidOrders {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrders.class);
    /** How long past expiry the sweeper keeps waiting for Alipay to answer before closing anyway. */
    private static final Duration QUERY_GRACE = Duration.ofMinutes(10);

    private final OrderMapper orders;
    private final OrderLifecycle lifecycle;
    private final AlipayGateway alipay;
    private final PaymentSettlement settlement;
    private final Clock clock;

    public UnpaidOrders(OrderMapper orders, OrderLifecycle lifecycle, AlipayGateway alipay, PaymentSettlement settlement,
            Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.alipay = alipay;
        this.settlement = settlement;
        this.clock = clock;
    }

    /** The buyer cancels: 409 if the order is no longer unpaid (or turns out to be paid). */
    public void cancel(Order order) {
        if (order.getStatus() != OrderStatus.CREATED) {
            throw OrderErrors.stateConflict(order.getStatus(), "取消");
        }
        if (order.getPaymentStartedAt() != null) {
            if (paidAtAlipay(order)) {
                throw OrderErrors.stateConflict(OrderStatus.PAID, "取消");
            }
            alipay.close(order.getOrderNo());
        }
        if (!lifecycle.closeUnpaid(order.getId(), CloseReason.CANCELLED)) {
            throw OrderErrors.stateConflict(orders.selectById(order.getId()).getStatus(), "取消");
        }
    }

    /** The payment window ended. Returns true if this call closed the order. */
    public boolean expire(long orderId) {
        Order order = orders.selectById(orderId);
        if (order == null || order.getStatus() != OrderStatus.CREATED || order.getExpiresAt().isAfter(clock.instant())) {
            return false;
        }
        if (order.getPaymentStartedAt() != null) {
            try {
                if (paidAtAlipay(order)) {
                    return false;
                }
            } catch (AlipayUnavailableException e) {
                if (clock.instant().isBefore(order.getExpiresAt().plus(QUERY_GRACE))) {
                    log.info("Order {} expired but Alipay did not answer; asking again next run", order.getOrderNo());
                    return false;
                }
                log.warn("Order {} closed without Alipay's answer; a late payment will be refunded", order.getOrderNo());
            }
            alipay.close(order.getOrderNo());
        }
        return lifecycle.closeUnpaid(orderId, CloseReason.TIMEOUT);
    }

    /**
     * Asks Alipay about the order and applies a payment found there (the path for missed notifies
     * and for the buyer's "I have paid" button). Throws {@link AlipayUnavailableException} when
     * Alipay does not answer.
     */
    public boolean paidAtAlipay(Order order) {
        AlipayGateway.TradeState trade = alipay.query(order.getOrderNo());
        if (!trade.paid()) {
            return false;
        }
        if (trade.totalFen() == null || trade.totalFen().longValue() != order.getTotalFen()) {
            log.error("Alipay reports order {} paid with {} fen, but it costs {} fen: not applied", order.getOrderNo(),
                    trade.totalFen(), order.getTotalFen());
            return false;
        }
        settlement.settle(order, trade.tradeNo(), trade.totalFen());
        return true;
    }
}
