package cn.zhunong.bench.naive;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.order.Checkout;
import cn.zhunong.mall.order.CreateOrderRequest;
import cn.zhunong.mall.order.IdempotencyKeys;
import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderDrafts;
import cn.zhunong.mall.order.OrderErrors;
import cn.zhunong.mall.order.OrderLine;
import cn.zhunong.mall.order.OrderLineMapper;
import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderNumbers;
import cn.zhunong.mall.order.OrderResponse;
import cn.zhunong.mall.order.OrderRows;
import cn.zhunong.mall.order.OrderViews;
import cn.zhunong.mall.order.PricedOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * BENCHMARK ONLY — THE NAIVE PATH, WRONG ON PURPOSE. Same checkout, pricing, snapshots and row
 * writing as mall-api's {@code OrderPlacementService}, but stock is handled the way a first draft often
 * does it: read the stock, check it, write "read value − quantity", then insert the order, all in
 * one transaction and without Redis. Concurrent buyers read the same value and overwrite each
 * other's update (lost update), so it oversells; and the hot row stays locked while the order
 * rows are written. It exists only to be measured against the real path.
 */
@Component
public class NaivePlacement {

    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final Checkout checkout;
    private final OrderDrafts drafts;
    private final OrderViews views;
    private final OrderRows rows;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    public NaivePlacement(OrderMapper orders, OrderLineMapper lines, Checkout checkout, OrderDrafts drafts, OrderViews views,
            OrderRows rows, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.lines = lines;
        this.checkout = checkout;
        this.drafts = drafts;
        this.views = views;
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public OrderResponse place(CurrentUser buyer, String idempotencyKey, CreateOrderRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        String requestHash = drafts.hash(request);
        Long existing = rows.idByIdempotencyKey(buyer.id(), key);
        if (existing != null) {
            return views.of(orders.selectById(existing), lines.findByOrderId(existing), false);
        }
        PricedOrder priced = checkout.price(request.items(), request.address().provinceCode(), true);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Order order = drafts.newOrder(OrderNumbers.next(now), buyer, key, requestHash, request, priced, now);
        List<OrderLine> orderLines = drafts.newLines(priced);
        Map<Long, Integer> units = OrderDrafts.units(orderLines);
        tx.executeWithoutResult(status -> {
            units.forEach((sku, qty) -> {
                Integer stock = jdbc.queryForObject("SELECT stock FROM sku WHERE id = ?", Integer.class, sku); // read
                if (stock < qty) {                                                                          // check
                    throw OrderErrors.stockInsufficient(sku);
                }
                jdbc.update("UPDATE sku SET stock = ? WHERE id = ?", stock - qty, sku);                     // write
            });
            rows.insertOrders(List.of(order));
            orderLines.forEach(l -> l.setOrderId(order.getId()));
            rows.insertLines(orderLines);
        });
        return views.of(order, orderLines, false);
    }
}
