package cn.zhunong.mall.payment;

import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderLifecycle;
import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderStatus;
import cn.zhunong.mall.order.refund.LatePaymentRefunds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a payment that Alipay confirmed (by notify or by query; the caller has verified it).
 * The same code serves both paths, so duplicates and out-of-order messages meet one
 * compare-and-set: the order is marked paid exactly once. Money that arrives for an order that
 * closed in the meantime is refunded automatically.
 */
@Component
public class PaymentSettlement {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    public enum Outcome { PAID_NOW, ALREADY_PAID, REFUNDING_LATE_PAYMENT }

    private final OrderMapper orders;
    private final OrderLifecycle lifecycle;
    private final LatePaymentRefunds latePayments;

    public PaymentSettlement(OrderMapper orders, OrderLifecycle lifecycle, LatePaymentRefunds latePayments) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.latePayments = latePayments;
    }

    public Outcome settle(Order order, String tradeNo, long amountFen) {
        if (lifecycle.markPaid(order.getId(), tradeNo, amountFen)) {
            log.info("Order {} paid ({} fen, trade {})", order.getOrderNo(), amountFen, tradeNo);
            return Outcome.PAID_NOW;
        }
        Order current = orders.selectById(order.getId());
        if (current.getStatus() == OrderStatus.CLOSED && current.getPaidAt() == null) {
            latePayments.refund(current, tradeNo, amountFen);
            return Outcome.REFUNDING_LATE_PAYMENT;
        }
        if (current.getAlipayTradeNo() != null && !current.getAlipayTradeNo().equals(tradeNo)) {
            log.error("Order {} reported paid by trade {} but was paid by trade {}", order.getOrderNo(), tradeNo,
                    current.getAlipayTradeNo());
        }
        return Outcome.ALREADY_PAID;
    }
}
