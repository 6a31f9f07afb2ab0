package cn.zhunong.mall.order;

import cn.zhunong.mall.order.stock.StockCounters;
import cn.zhunong.mall.order.stock.StockMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database side of order transitions: each is one transaction holding the compare-and-set,
 * its side effects (stock release, sales counters) and its outbox event. Whoever wins the
 * compare-and-set does the side effects; a loser changes nothing and learns the current state.
 */
@Service
public class OrderLifecycle {

    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final StockMapper stock;
    private final StockCounters counters;
    private final OrderEvents events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ObjectProvider<OrderTransitionHook> hooks;
    private final FlashSaleOrders flashSales;

    public OrderLifecycle(OrderMapper orders, OrderLineMapper lines, StockMapper stock, StockCounters counters,
            OrderEvents events, Clock clock, PlatformTransactionManager transactions, ObjectProvider<OrderTransitionHook> hooks,
            FlashSaleOrders flashSales) {
        this.flashSales = flashSales;
        this.orders = orders;
        this.lines = lines;
        this.stock = stock;
        this.counters = counters;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.hooks = hooks;
    }

    /**
     * CREATED -> CLOSED, returning the units to stock (database, then Redis) and to the flash sale
     * the order was bought in. False if the order was not CREATED.
     */
    public boolean closeUnpaid(long orderId, CloseReason reason) {
        Closed closed = tx.execute(status -> {
            Instant now = now();
            if (orders.close(orderId, OrderStatus.CREATED, reason, now) == 0) {
                return null;
            }
            Map<Long, Integer> units = units(lines.findByOrderId(orderId));
            units.forEach(stock::giveBack);
            Order order = orders.selectById(orderId);
            hooks.orderedStream().forEach(hook -> hook.closed(order));
            events.closed(order, reason);
            return new Closed(order, units);
        });
        if (closed == null) {
            return false;
        }
        counters.release(closed.units());
        flashSales.giveBack(closed.order().getFlashSaleId(), closed.order().getOrderNo());
        return true;
    }

    private record Closed(Order order, Map<Long, Integer> units) {
    }

    /** CREATED -> PAID with the confirmed amount. False if the order was not CREATED. */
    public boolean markPaid(long orderId, String tradeNo, long paidFen) {
        return markPaid(orderId, now -> orders.markPaid(orderId, tradeNo, paidFen, now));
    }

    /**
     * CREATED -> PAID by a method other than Alipay (a confirmed bank transfer, a payment on the
     * spot), recorded in orders.payment_method; the same compare-and-set, side effects and
     * ORDER_PAID event as an Alipay payment. False if the order was not CREATED.
     */
    public boolean markPaid(long orderId, PaymentMethod method, long paidFen) {
        if (method == PaymentMethod.ALIPAY) {
            throw new IllegalArgumentException("Alipay payments carry a trade number");
        }
        return markPaid(orderId, now -> orders.markPaidBy(orderId, method, paidFen, now));
    }

    private boolean markPaid(long orderId, java.util.function.ToIntFunction<Instant> compareAndSet) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Instant now = now();
            if (compareAndSet.applyAsInt(now) == 0) {
                return false;
            }
            List<OrderLine> orderLines = lines.findByOrderId(orderId);
            orderLines.stream().sorted(Comparator.comparing(OrderLine::getSkuId))
                    .forEach(l -> stock.addSold(l.getSkuId(), l.getQuantity()));
            Map<Long, Long> byProduct = new java.util.TreeMap<>();
            orderLines.forEach(l -> byProduct.merge(l.getProductId(), (long) l.getQuantity(), Long::sum));
            byProduct.forEach(stock::addProductSales);
            Order paid = orders.selectById(orderId);
            hooks.orderedStream().forEach(hook -> hook.paid(paid));
            // read again: a hook may have changed the order (a 拼团 payer moved to a new group)
            events.paid(orders.selectById(orderId), orderLines);
            return true;
        }));
    }

    public void ship(Order order, String carrier, String trackingNo) {
        hooks.orderedStream().forEach(hook -> hook.beforeShip(order));
        transition(order, "发货", () -> orders.ship(order.getId(), carrier, trackingNo, now()), "ORDER_SHIPPED");
    }

    public void confirmReceipt(Order order) {
        hooks.orderedStream().forEach(hook -> hook.beforeReceipt(order));
        transition(order, "确认收货", () -> orders.markReceived(order.getId(), now()), "ORDER_RECEIVED");
    }

    /** RECEIVED -> COMPLETED once the after-sale window has passed. */
    public boolean complete(long orderId) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (orders.complete(orderId, now()) == 0) {
                return false;
            }
            events.changed("ORDER_COMPLETED", orders.selectById(orderId));
            return true;
        }));
    }

    private void transition(Order order, String action, java.util.function.IntSupplier change, String eventType) {
        boolean moved = Boolean.TRUE.equals(tx.execute(status -> {
            if (change.getAsInt() == 0) {
                return false;
            }
            events.changed(eventType, orders.selectById(order.getId()));
            return true;
        }));
        if (!moved) {
            Order current = orders.selectById(order.getId());
            throw OrderErrors.stateConflict(current.getStatus(), action);
        }
    }

    private static Map<Long, Integer> units(List<OrderLine> orderLines) {
        Map<Long, Integer> units = new LinkedHashMap<>();
        orderLines.stream().sorted(Comparator.comparing(OrderLine::getSkuId))
                .forEach(l -> units.put(l.getSkuId(), l.getQuantity()));
        return units;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
