package cn.zhunong.mall.fair;

import cn.zhunong.mall.infra.crypto.PiiCipher;
import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.order.Attribution;
import cn.zhunong.mall.order.CatalogReader;
import cn.zhunong.mall.order.CreateOrderRequest;
import cn.zhunong.mall.order.IdempotencyKeys;
import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderErrors;
import cn.zhunong.mall.order.OrderItemRequest;
import cn.zhunong.mall.order.OrderLifecycle;
import cn.zhunong.mall.order.OrderLine;
import cn.zhunong.mall.order.OrderLineMapper;
import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderPlacementService;
import cn.zhunong.mall.order.OrderQueryService;
import cn.zhunong.mall.order.OrderStatus;
import cn.zhunong.mall.order.PaymentMethod;
import cn.zhunong.mall.order.ShippingAddress;
import cn.zhunong.mall.order.SkuOffer;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Records a sale made at a fair as an ordinary order of the fair's buyer account:
 * <ol>
 *   <li>placed through {@link OrderPlacementService} at the prices actually charged (server-side
 *       unit prices, like a 拼团 price), so stock is taken exactly as for online orders;</li>
 *   <li>then, in one transaction holding the order row: marked OFFLINE without shipping fee, PAID
 *       through {@link OrderLifecycle#markPaid} (ORDER_PAID: the ledger credits the households as
 *       for an online sale), and SHIPPED and RECEIVED at once — the customer took the goods away,
 *       so the after-sale window starts at recording — plus the sale row with its evidence.</li>
 * </ol>
 * The Idempotency-Key makes recording safe to repeat; a repeat also finishes a sale a crash left
 * half done (the order still unpaid).
 */
@Service
public class FairSaleService {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CARRIER = "展销现场交付";

    private final FairService fairService;
    private final SalesFairMapper fairs;
    private final FairEvidenceMapper evidence;
    private final FairSaleMapper sales;
    private final CatalogReader catalog;
    private final OrderPlacementService placement;
    private final OrderLifecycle lifecycle;
    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final OrderQueryService orderQueries;
    private final PiiCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;

    public FairSaleService(FairService fairService, SalesFairMapper fairs, FairEvidenceMapper evidence, FairSaleMapper sales,
            CatalogReader catalog, OrderPlacementService placement, OrderLifecycle lifecycle, OrderMapper orders,
            OrderLineMapper lines, OrderQueryService orderQueries, PiiCipher cipher, ObjectMapper json, Clock clock,
            PlatformTransactionManager transactions) {
        this.fairService = fairService;
        this.fairs = fairs;
        this.evidence = evidence;
        this.sales = sales;
        this.catalog = catalog;
        this.placement = placement;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.lines = lines;
        this.orderQueries = orderQueries;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public record Recorded(FairSaleResponse response, boolean created) {
    }

    public Recorded record(CurrentUser staff, long fairId, String idempotencyKey, FairSaleRequest request) {
        SalesFair fair = fairService.requireWritable(staff, fairId);
        String key = IdempotencyKeys.require(idempotencyKey);
        if (fair.getFairDate().isAfter(LocalDate.now(clock.withZone(SHANGHAI)))) {
            throw FairErrors.notStarted();
        }
        Set<Long> evidenceIds = new HashSet<>(request.evidenceIds());
        Long known = evidence.selectCount(new LambdaQueryWrapper<FairEvidence>()
                .eq(FairEvidence::getFairId, fairId).in(FairEvidence::getId, evidenceIds));
        if (known == null || known != evidenceIds.size()) {
            throw FairErrors.evidenceUnknown();
        }
        String reason = request.priceReason() == null || request.priceReason().isBlank() ? null : request.priceReason().trim();
        Map<Long, Long> prices = prices(fair, request, reason);

        CurrentUser buyer = new CurrentUser(fair.getBuyerUserId(), Role.CITIZEN, null, null);
        ShippingAddress handOver = new ShippingAddress(fair.getName(), cipher.decrypt(fair.getContactPhoneEnc()),
                fair.getProvinceCode(), fair.getPlace());
        CreateOrderRequest order = new CreateOrderRequest(
                request.items().stream().map(i -> new OrderItemRequest(i.skuId(), i.quantity())).toList(), handOver,
                new Attribution(fair.getCampaignCode(), null, null, null), reason, null);
        OrderPlacementService.Placement placed = placement.place(buyer, key, order, prices);
        long orderId = placed.order().id();
        if (!placed.created()) {
            requireSamePrices(orderId, prices);
        }
        FairSale sale = finish(staff, fair, orderId, request.evidenceIds(), reason);
        return new Recorded(view(staff, sale), placed.created());
    }

    /** The charged unit price of each SKU, checked against the fair's agency and villages and the list price. */
    private Map<Long, Long> prices(SalesFair fair, FairSaleRequest request, String reason) {
        Set<Long> villages = new HashSet<>(fairs.villages(fair.getId()));
        Set<Long> skuIds = new HashSet<>();
        request.items().forEach(i -> skuIds.add(i.skuId()));
        Map<Long, SkuOffer> offers = catalog.offers(skuIds);
        Map<Long, Long> prices = new HashMap<>();
        for (FairSaleItem item : request.items()) {
            SkuOffer offer = offers.get(item.skuId());
            if (offer == null || !offer.buyable() || offer.agencyId() != fair.getAgencyId()
                    || !villages.contains(offer.villageId())) {
                throw FairErrors.skuNotAllowed(item.skuId());
            }
            if (item.unitPriceFen() > offer.priceFen() && reason == null) {
                throw FairErrors.priceAboveList(item.skuId());
            }
            prices.put(item.skuId(), item.unitPriceFen());
        }
        return prices;
    }

    /** A replayed key must carry the same prices (the order's own hash covers SKUs, quantities and the reason). */
    private void requireSamePrices(long orderId, Map<Long, Long> prices) {
        for (OrderLine line : lines.findByOrderId(orderId)) {
            if (!line.getUnitPriceFen().equals(prices.get(line.getSkuId()))) {
                throw OrderErrors.idempotencyKeyReused();
            }
        }
    }

    private FairSale finish(CurrentUser staff, SalesFair fair, long orderId, List<Long> evidenceIds, String reason) {
        return tx.execute(status -> {
            Instant now = now();
            Order order = orders.lockById(orderId);
            if (order.getStatus() == OrderStatus.CLOSED) {
                throw FairErrors.saleClosed();
            }
            if (order.getStatus() == OrderStatus.CREATED) {
                fairs.markOffline(orderId, fair.getBuyerUserId(), now);
                lifecycle.markPaid(orderId, PaymentMethod.OFFLINE, orders.selectById(orderId).getTotalFen());
                order = orders.selectById(orderId);
            }
            if (order.getStatus() == OrderStatus.PAID) {
                lifecycle.ship(order, CARRIER, "FAIR-" + fair.getId());
                order = orders.selectById(orderId);
            }
            if (order.getStatus() == OrderStatus.SHIPPED) {
                lifecycle.confirmReceipt(order);
            }
            FairSale existing = sales.findByOrder(orderId);
            if (existing != null) {
                return existing;
            }
            FairSale sale = new FairSale();
            sale.setFairId(fair.getId());
            sale.setOrderId(orderId);
            sale.setEvidenceIds(json.writeValueAsString(evidenceIds));
            sale.setPriceReason(reason);
            sale.setRecordedBy(staff.id());
            sale.setCreatedAt(now);
            try {
                sales.insert(sale);
            } catch (DuplicateKeyException e) {
                if (DuplicateKeys.violates(e, "uk_fair_sale_order")) {
                    return sales.findByOrder(orderId);
                }
                throw e;
            }
            return sale;
        });
    }

    public PageResult<FairSaleResponse> list(CurrentUser staff, long fairId, PageQuery page) {
        fairService.requireReadable(staff, fairId);
        return PageResult.of(sales.selectPage(page.toPage(), new LambdaQueryWrapper<FairSale>()
                .eq(FairSale::getFairId, fairId).orderByDesc(FairSale::getId)), s -> view(staff, s));
    }

    private FairSaleResponse view(CurrentUser staff, FairSale sale) {
        List<Long> evidenceIds = List.of(json.readValue(sale.getEvidenceIds(), Long[].class));
        return new FairSaleResponse(sale.getId(), sale.getFairId(), evidenceIds, sale.getPriceReason(), sale.getCreatedAt(),
                orderQueries.forStaff(staff, sale.getOrderId()));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
