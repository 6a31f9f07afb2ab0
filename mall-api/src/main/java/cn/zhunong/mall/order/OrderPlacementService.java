package cn.zhunong.mall.order;

import cn.zhunong.common.live.FlashSaleStock.FlashSale;
import cn.zhunong.mall.cart.CartStore;
import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.order.stock.StockCounters;
import cn.zhunong.mall.order.stock.StockMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Places orders. The path is built for hot SKUs:
 * <ol>
 *   <li>a replay of a used Idempotency-Key is told apart by its Redis marker ({@link ReplayMarkers}),
 *       read by the reservation script, so a new order costs no lookup; a replay returns the
 *       existing order without reserving anything. The unique key in the database stays the rule:
 *       without a marker, a replay meets it (or a refusal makes checkout look the key up);</li>
 *   <li>prices, limits and shipping come from the catalog ({@link Checkout}), as kept in this JVM
 *       by {@link CheckoutOffers};</li>
 *   <li>an order in an in-room flash sale takes its unit from the sale first ({@link FlashSaleOrders});</li>
 *   <li>stock is pre-deducted in Redis ({@link StockCounters}): a sold-out buyer is refused here,
 *       without a database write. The same atomic step reads the catalog version: if the catalog
 *       changed since the offers were read, the order is priced again from the database;</li>
 *   <li>one short transaction inserts the order and its lines and takes the stock with a
 *       conditional UPDATE as its last statement, so the hot SKU row is locked only until the
 *       commit right after it ({@link OrderWriter}, which puts orders arriving together into one
 *       such transaction);</li>
 *   <li>the Redis reservation is then confirmed (by the writer, once per batch), or given back if
 *       the transaction failed.</li>
 * </ol>
 */
@Service
public class OrderPlacementService {

    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final StockMapper stock;
    private final StockCounters counters;
    private final Checkout checkout;
    private final CheckoutOffers checkoutOffers;
    private final OrderDrafts drafts;
    private final CartStore cart;
    private final OrderViews views;
    private final OrderWriter writer;
    private final OrderRows rows;
    private final FlashSaleOrders flashSales;
    private final ReplayMarkers replayMarkers;
    private final Clock clock;

    public OrderPlacementService(OrderMapper orders, OrderLineMapper lines, StockMapper stock, StockCounters counters,
            Checkout checkout, CheckoutOffers checkoutOffers, OrderDrafts drafts, CartStore cart, OrderViews views,
            OrderWriter writer, OrderRows rows, FlashSaleOrders flashSales, ReplayMarkers replayMarkers, Clock clock) {
        this.flashSales = flashSales;
        this.orders = orders;
        this.lines = lines;
        this.stock = stock;
        this.counters = counters;
        this.checkout = checkout;
        this.checkoutOffers = checkoutOffers;
        this.drafts = drafts;
        this.cart = cart;
        this.views = views;
        this.writer = writer;
        this.rows = rows;
        this.replayMarkers = replayMarkers;
        this.clock = clock;
    }

    /** The order and whether this call created it (false: an Idempotency-Key replay). */
    public record Placement(OrderResponse order, boolean created) {
    }

    public QuoteResponse quote(CreateOrderRequest request) {
        FlashSale flash = flashSales.of(request);
        return QuoteResponse.of(checkout.price(request.items(), request.address().provinceCode(), false,
                FlashSaleOrders.prices(flash)));
    }

    /** An order at catalog prices. A group-buy attribution is refused: group orders come through the 拼团 endpoints. */
    public Placement place(CurrentUser buyer, String idempotencyKey, CreateOrderRequest request) {
        if (request.attribution() != null && request.attribution().groupBuyId() != null) {
            throw Checkout.unprocessable("GROUP_BUY_ORDER_VIA_GROUP", "拼团订单请通过拼团入口下单");
        }
        return place(buyer, idempotencyKey, request, Map.of());
    }

    /**
     * An order where the SKUs in {@code unitPrices} sell at that server-side price (a 拼团 group price).
     * A replay of a used Idempotency-Key answers with its order, whatever a new order would meet now
     * (sold out, flash sale over, SKU off sale): a refusal asks the database whether the key was used.
     */
    public Placement place(CurrentUser buyer, String idempotencyKey, CreateOrderRequest request, Map<Long, Long> unitPrices) {
        String key = IdempotencyKeys.require(idempotencyKey);
        String requestHash = drafts.hash(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return create(buyer, key, requestHash, request, unitPrices);
            } catch (KeyUsed used) {
                Placement replayed = replay(buyer.id(), key, requestHash);
                if (replayed != null) {
                    return replayed;
                }
                if (attempt > 1) {
                    throw new IllegalStateException("Idempotency-Key reported used, but no order has it");
                }
                // a marker without its order: forget it, the unique key decides
                replayMarkers.forget(buyer.id(), key);
            } catch (ApiException refused) {
                Placement replayed = replay(buyer.id(), key, requestHash);
                if (replayed != null) {
                    return replayed;
                }
                throw refused;
            }
        }
    }

    /**
     * Places a new order, or throws {@link KeyUsed} when the key's replay marker is set or its
     * insert met the unique key.
     */
    private Placement create(CurrentUser buyer, String key, String requestHash, CreateOrderRequest request,
            Map<Long, Long> unitPrices) {
        Set<Long> skuIds = Checkout.skuIds(request.items());
        // a flash-sale order comes through the public path (no group price); a group order never names a flash sale
        FlashSale flash = flashSales.of(request);
        Map<Long, Long> prices = flash == null ? unitPrices : FlashSaleOrders.prices(flash);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        CheckoutOffers.Snapshot offers = checkoutOffers.get(skuIds);
        Draft draft = draft(buyer, key, requestHash, request, offers, prices, flash, now, OrderNumbers.next(now));
        String orderNo = draft.order().getOrderNo();
        Map<Long, Integer> units = OrderDrafts.units(draft.lines());
        if (flash != null) {
            flashSales.take(flash, buyer.id(), request.items().get(0).quantity(), orderNo, now.toEpochMilli());
        }

        boolean committed = false;
        boolean reserved = false;
        try {
            StockCounters.Reservation reservation = counters.reserve(orderNo, units, stock::stockOf, now.toEpochMilli(),
                    CheckoutOffers.versionKey(), ReplayMarkers.key(buyer.id(), key));
            if (reservation.replay()) {
                throw new KeyUsed();
            }
            if (!reservation.reserved()) {
                throw OrderErrors.stockInsufficient(reservation.shortSkuId());
            }
            reserved = true;
            if (offers.staleAt(reservation.watched())) {
                // the catalog changed after these offers were read: price again from the database
                draft = draft(buyer, key, requestHash, request, checkoutOffers.reload(skuIds), prices, flash, now, orderNo);
            }
            writer.write(draft.order(), draft.lines(), units);
            committed = true;
        } catch (StockShortageException shortage) {
            throw OrderErrors.stockInsufficient(shortage.skuId());
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_order_idempotency")) {
                // a concurrent request with the same key won
                throw new KeyUsed();
            }
            throw e;
        } finally {
            // the writer confirmed the reservation with the commit; anything else gives it back
            if (!committed) {
                if (reserved) {
                    counters.giveBack(orderNo, units);
                }
                flashSales.giveBack(draft.order().getFlashSaleId(), orderNo);
            }
        }
        if (Boolean.TRUE.equals(request.removeFromCart())) {
            cart.remove(buyer.id(), units.keySet());
        }
        return new Placement(views.of(draft.order(), draft.lines(), false), true);
    }

    /** The key was used already (its replay marker, or the unique key said so). */
    private static final class KeyUsed extends RuntimeException {

        KeyUsed() {
            super(null, null, false, false);
        }
    }

    /** The rows of a new order, priced from {@code offers}. */
    private record Draft(Order order, List<OrderLine> lines) {
    }

    private Draft draft(CurrentUser buyer, String key, String requestHash, CreateOrderRequest request,
            CheckoutOffers.Snapshot offers, Map<Long, Long> prices, FlashSale flash, Instant now, String orderNo) {
        PricedOrder priced = checkout.price(request.items(), request.address().provinceCode(), offers.offers(), prices);
        Order order = drafts.newOrder(orderNo, buyer, key, requestHash, request, priced, now);
        if (flash != null) {
            order.setFlashSaleId(flash.id());
            order.setLiveSessionId(flash.sessionId());
            order.setStreamerId(flash.streamerId());
        }
        return new Draft(order, drafts.newLines(priced));
    }

    /** The buyer's order with this key, or null when the key was never used. */
    private Placement replay(long buyerId, String key, String requestHash) {
        Long id = rows.idByIdempotencyKey(buyerId, key);
        if (id == null) {
            return null;
        }
        Order existing = orders.selectById(id);
        if (!existing.getRequestHash().equals(requestHash)) {
            throw OrderErrors.idempotencyKeyReused();
        }
        return new Placement(views.of(existing, lines.findByOrderId(existing.getId()), false), false);
    }
}
