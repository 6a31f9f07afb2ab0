package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.order.Attribution;
import cn.zhunong.mall.order.CatalogReader;
import cn.zhunong.mall.order.CreateOrderRequest;
import cn.zhunong.mall.order.OrderItemRequest;
import cn.zhunong.mall.order.OrderPlacementService;
import cn.zhunong.mall.order.PaymentMethod;
import cn.zhunong.mall.order.ShippingAddress;
import cn.zhunong.mall.order.SkuOffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Turns an accepted purchase into ordinary orders — one per recipient and agency (split
 * shipments) — through {@link OrderPlacementService} at the quoted unit prices, so stock,
 * shipping, payment, refunds and the ledger treat them like any order. Each order's
 * Idempotency-Key is derived from (purchase, recipient, agency) and the orders are always placed on
 * the account that requested the quote, so a failed attempt (stock ran out, a crash) is simply
 * retried: orders made before are replayed, the missing ones created.
 */
@Service
public class PurchasePlacement {

    private final PurchaseService purchases;
    private final EnterprisePurchaseMapper mapper;
    private final PurchaseStore store;
    private final OrderPlacementService placement;
    private final CatalogReader catalog;
    private final EnterpriseProperties properties;
    private final Clock clock;

    public PurchasePlacement(PurchaseService purchases, EnterprisePurchaseMapper mapper, PurchaseStore store,
            OrderPlacementService placement, CatalogReader catalog, EnterpriseProperties properties, Clock clock) {
        this.purchases = purchases;
        this.mapper = mapper;
        this.store = store;
        this.placement = placement;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    public PurchaseResponse place(CurrentUser user, long purchaseId, PlaceRequest request) {
        EnterprisePurchase purchase = purchases.requireOwn(user, purchaseId);
        PaymentMethod method = PaymentMethod.valueOf(request.paymentMethod());
        if (purchase.getStatus() == PurchaseStatus.PLACED || purchase.getStatus() == PurchaseStatus.PAID) {
            if (purchase.getPaymentMethod() != method) {
                throw EnterpriseErrors.stateConflict(purchase.getStatus(), "以另一种付款方式下单");
            }
            return purchases.view(purchase);
        }
        if (purchase.getStatus() == PurchaseStatus.ACCEPTED && purchase.getRecipientCount() == 0) {
            throw EnterpriseErrors.unprocessable("RECIPIENTS_REQUIRED", "请先上传收货人名单");
        }
        if (mapper.startPlacing(purchaseId, method.name(), now()) == 0) {
            EnterprisePurchase current = mapper.selectById(purchaseId);
            throw current.getStatus() == PurchaseStatus.PLACING
                    ? ApiException.conflict("PAYMENT_METHOD_DIFFERS", "该团购单正在以另一种付款方式下单，请使用相同的付款方式重试")
                    : EnterpriseErrors.stateConflict(current.getStatus(), "下单");
        }
        // read after the compare-and-set: no recipient upload can change the list any more
        List<PurchaseStore.StoredRecipient> recipients = store.recipients(purchaseId);
        List<PurchaseResponse.Item> items = store.items(purchaseId);
        Map<Long, SkuOffer> offers = catalog.offers(items.stream().map(PurchaseResponse.Item::skuId).toList());
        Map<Long, Long> unitPrices = new HashMap<>();
        Map<Long, List<PurchaseResponse.Item>> byAgency = new TreeMap<>();
        for (PurchaseResponse.Item item : items) {
            SkuOffer offer = offers.get(item.skuId());
            // the quoted price, unless the SKU has become cheaper since: never above the SKU price
            unitPrices.put(item.skuId(), offer == null ? item.unitPriceFen() : Math.min(item.unitPriceFen(), offer.priceFen()));
            byAgency.computeIfAbsent(item.agencyId(), a -> new ArrayList<>()).add(item);
        }
        // the orders belong to the purchaser who asked for the quote, whoever of the organisation places them
        CurrentUser buyer = new CurrentUser(purchase.getCreatedBy(), Role.CITIZEN, null, null);
        int count = recipients.size();
        for (PurchaseStore.StoredRecipient recipient : recipients) {
            ShippingAddress address = new ShippingAddress(recipient.name(), recipient.phone(), recipient.provinceCode(),
                    recipient.address());
            for (Map.Entry<Long, List<PurchaseResponse.Item>> agency : byAgency.entrySet()) {
                List<OrderItemRequest> orderItems = agency.getValue().stream()
                        .map(i -> new OrderItemRequest(i.skuId(), i.quantity() / count)).toList();
                CreateOrderRequest order = new CreateOrderRequest(orderItems, address, Attribution.NONE,
                        "企业团购 #" + purchaseId, false);
                String key = "ent-" + purchaseId + "-" + recipient.id() + "-" + agency.getKey();
                OrderPlacementService.Placement placed = placement.place(buyer, key, order, unitPrices);
                Instant now = now();
                Instant expires = method == PaymentMethod.BANK_TRANSFER ? now.plus(properties.bankTransferWindow()) : now;
                store.attribute(placed.order().id(), purchaseId, method.name(), expires, now);
            }
        }
        mapper.placed(purchaseId, now());
        return purchases.view(mapper.selectById(purchaseId));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
