package cn.zhunong.mall.order;

import cn.zhunong.mall.cart.CartStore;
import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.crypto.PiiCipher;
import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.order.stock.StockCounters;
import cn.zhunong.mall.order.stock.StockMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Places orders. The path is built for hot SKUs:
 * <ol>
 *   <li>a replayed Idempotency-Key returns the existing order without reserving anything;</li>
 *   <li>prices, limits and shipping come from the catalog ({@link Checkout});</li>
 *   <li>stock is pre-deducted in Redis ({@link StockCounters}): a sold-out buyer is refused here,
 *       without a database write;</li>
 *   <li>one short transaction inserts the order and its lines and takes the stock with a
 *       conditional UPDATE as its last statement, so the hot SKU row is locked only until the
 *       commit right after it;</li>
 *   <li>the Redis reservation is then confirmed, or given back if the transaction failed.</li>
 * </ol>
 */
@Service
public class OrderPlacementService {

    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final StockMapper stock;
    private final StockCounters counters;
    private final Checkout checkout;
    private final CatalogReader catalog;
    private final CartStore cart;
    private final OrderViews views;
    private final PiiCipher cipher;
    private final ObjectMapper json;
    private final OrderProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    public OrderPlacementService(OrderMapper orders, OrderLineMapper lines, StockMapper stock, StockCounters counters,
            Checkout checkout, CatalogReader catalog, CartStore cart, OrderViews views, PiiCipher cipher, ObjectMapper json,
            OrderProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.lines = lines;
        this.stock = stock;
        this.counters = counters;
        this.checkout = checkout;
        this.catalog = catalog;
        this.cart = cart;
        this.views = views;
        this.cipher = cipher;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setTimeout(10);
    }

    /** The order and whether this call created it (false: an Idempotency-Key replay). */
    public record Placement(OrderResponse order, boolean created) {
    }

    public QuoteResponse quote(CreateOrderRequest request) {
        return QuoteResponse.of(checkout.price(request.items(), request.address().provinceCode()));
    }

    public Placement place(CurrentUser buyer, String idempotencyKey, CreateOrderRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        String requestHash = hash(request);
        Order existing = orders.findByIdempotencyKey(buyer.id(), key);
        if (existing != null) {
            return replay(existing, requestHash);
        }
        PricedOrder priced = checkout.price(request.items(), request.address().provinceCode());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Order order = newOrder(buyer, key, requestHash, request, priced, now);
        List<OrderLine> orderLines = newLines(priced);
        Map<Long, Integer> units = units(orderLines);

        StockCounters.Reservation reservation = counters.reserve(order.getOrderNo(), units, stock::stockOf, now.toEpochMilli());
        if (!reservation.reserved()) {
            throw OrderErrors.stockInsufficient(reservation.shortSkuId());
        }
        boolean committed = false;
        try {
            tx.executeWithoutResult(status -> insertAndTakeStock(order, orderLines, units));
            committed = true;
        } catch (StockShortage shortage) {
            throw OrderErrors.stockInsufficient(shortage.skuId);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_order_idempotency")) {
                // a concurrent request with the same key won; answer as its replay
                return replay(orders.findByIdempotencyKey(buyer.id(), key), requestHash);
            }
            throw e;
        } finally {
            if (committed) {
                counters.confirm(order.getOrderNo(), units.keySet());
            } else {
                counters.giveBack(order.getOrderNo(), units);
            }
        }
        if (Boolean.TRUE.equals(request.removeFromCart())) {
            cart.remove(buyer.id(), units.keySet());
        }
        return new Placement(views.of(order, orderLines, false), true);
    }

    private void insertAndTakeStock(Order order, List<OrderLine> orderLines, Map<Long, Integer> units) {
        orders.insert(order);
        orderLines.forEach(l -> l.setOrderId(order.getId()));
        lines.insertAll(orderLines);
        // last, in SKU id order: the hot rows are locked for the shortest time and never in a cycle
        units.forEach((sku, qty) -> {
            if (stock.take(sku, qty) == 0) {
                throw new StockShortage(sku);
            }
        });
    }

    private Placement replay(Order existing, String requestHash) {
        if (!existing.getRequestHash().equals(requestHash)) {
            throw OrderErrors.idempotencyKeyReused();
        }
        return new Placement(views.of(existing, lines.findByOrderId(existing.getId()), false), false);
    }

    private Order newOrder(CurrentUser buyer, String key, String requestHash, CreateOrderRequest request, PricedOrder priced,
            Instant now) {
        Attribution attribution = request.attribution() == null ? Attribution.NONE : request.attribution();
        ShippingAddress address = request.address();
        Order order = new Order();
        order.setOrderNo(OrderNumbers.next(now));
        order.setUserId(buyer.id());
        order.setAgencyId(priced.agencyId());
        order.setIdempotencyKey(key);
        order.setRequestHash(requestHash);
        order.setStatus(OrderStatus.CREATED);
        order.setGoodsFen(priced.goodsFen());
        order.setShippingFen(priced.shippingFen());
        order.setTotalFen(priced.totalFen());
        order.setReceiverName(address.name().trim());
        order.setReceiverPhoneEnc(cipher.encrypt(address.phone()));
        order.setReceiverPhoneMasked(Masking.phone(address.phone()));
        order.setProvinceCode(address.provinceCode());
        order.setReceiverAddress(address.detail().trim());
        order.setBuyerNote(request.note() == null || request.note().isBlank() ? null : request.note().trim());
        order.setCampaignCode(attribution.campaignCode());
        order.setLiveSessionId(attribution.liveSessionId());
        order.setStreamerId(attribution.streamerId());
        order.setGroupBuyId(attribution.groupBuyId());
        order.setExpiresAt(now.plus(properties.paymentTimeout()));
        order.setPaidFen(0L);
        order.setRefundedFen(0L);
        order.setCreatedAt(now);
        order.setUpdatedAt(now);
        return order;
    }

    /** Lines with the snapshot of product, price and income rule, in SKU id order. */
    private List<OrderLine> newLines(PricedOrder priced) {
        List<Long> withoutHousehold = priced.lines().stream()
                .filter(l -> l.offer().householdId() == null).map(l -> l.offer().skuId()).toList();
        Map<Long, List<IncomeLot>> lots = catalog.openLots(withoutHousehold);
        List<OrderLine> result = new ArrayList<>();
        priced.lines().stream().sorted(Comparator.comparingLong(l -> l.offer().skuId())).forEach(p -> {
            SkuOffer offer = p.offer();
            OrderLine line = new OrderLine();
            line.setSkuId(offer.skuId());
            line.setProductId(offer.productId());
            line.setVillageId(offer.villageId());
            line.setProductName(offer.productName());
            line.setSkuSpec(offer.spec());
            line.setUnit(offer.unit());
            line.setUnitPriceFen(offer.priceFen());
            line.setQuantity(p.quantity());
            line.setLineFen(p.lineFen());
            line.setReportMilliUnits(offer.reportMilliUnits());
            line.setWeightGrams(offer.weightGrams());
            line.setPerishable(offer.perishable());
            line.setHouseholdId(offer.householdId());
            if (offer.householdId() == null) {
                line.setIncomeLots(json.writeValueAsString(lots.getOrDefault(offer.skuId(), List.of())));
            }
            line.setRefundStatus(LineRefundStatus.NONE);
            line.setRefundedFen(0L);
            result.add(line);
        });
        return result;
    }

    private static Map<Long, Integer> units(List<OrderLine> orderLines) {
        Map<Long, Integer> units = new LinkedHashMap<>();
        orderLines.forEach(l -> units.put(l.getSkuId(), l.getQuantity()));
        return units;
    }

    /**
     * SHA-256 of the request with its items in SKU order (the cart flag left out: it does not change
     * the order): the same key with another body is refused.
     */
    private String hash(CreateOrderRequest request) {
        List<OrderItemRequest> items = request.items().stream()
                .sorted(Comparator.comparing(OrderItemRequest::skuId, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        CreateOrderRequest normalised = new CreateOrderRequest(items, request.address(),
                request.attribution() == null ? Attribution.NONE : request.attribution(), request.note(), null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown inside the transaction to roll it back when the database has fewer units than Redis thought. */
    private static final class StockShortage extends RuntimeException {
        private final long skuId;

        StockShortage(long skuId) {
            super(null, null, false, false);
            this.skuId = skuId;
        }
    }
}
