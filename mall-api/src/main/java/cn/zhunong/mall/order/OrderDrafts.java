package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.crypto.PiiCipher;
import cn.zhunong.mall.infra.crypto.Sha256;
import cn.zhunong.mall.infra.security.CurrentUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds the rows of a new order from a priced checkout: the order with its address and
 * attribution, and the lines with their snapshot of product, price and income rule.
 */
@Component
public class OrderDrafts {

    private final PiiCipher cipher;
    private final ObjectMapper json;
    private final OrderProperties properties;

    public OrderDrafts(PiiCipher cipher, ObjectMapper json, OrderProperties properties) {
        this.cipher = cipher;
        this.json = json;
        this.properties = properties;
    }

    public Order newOrder(String orderNo, CurrentUser buyer, String key, String requestHash, CreateOrderRequest request, PricedOrder priced,
            Instant now) {
        Attribution attribution = request.attribution() == null ? Attribution.NONE : request.attribution();
        ShippingAddress address = request.address();
        Order order = new Order();
        order.setOrderNo(orderNo);
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

    /** Lines with the snapshot of product, price and income rule, in SKU id order (priced with lots). */
    public List<OrderLine> newLines(PricedOrder priced) {
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
                line.setIncomeLots(json.writeValueAsString(offer.openLots()));
            }
            line.setRefundStatus(LineRefundStatus.NONE);
            line.setRefundedFen(0L);
            result.add(line);
        });
        return result;
    }

    public static Map<Long, Integer> units(List<OrderLine> orderLines) {
        Map<Long, Integer> units = new LinkedHashMap<>();
        orderLines.forEach(l -> units.put(l.getSkuId(), l.getQuantity()));
        return units;
    }

    /**
     * SHA-256 of the request with its items in SKU order (the cart flag left out: it does not change
     * the order): the same key with another body is refused.
     */
    public String hash(CreateOrderRequest request) {
        List<OrderItemRequest> items = request.items().stream()
                .sorted(Comparator.comparing(OrderItemRequest::skuId, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        CreateOrderRequest normalised = new CreateOrderRequest(items, request.address(),
                request.attribution() == null ? Attribution.NONE : request.attribution(), request.note(), null);
        return Sha256.hex(json.writeValueAsString(normalised));
    }
}
