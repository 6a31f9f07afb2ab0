package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.web.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Prices a list of items from the catalog: unit prices, per-order limits, one agency per order,
 * and shipping to the address's province. The same code serves the quote and the real order.
 */
@Component
public class Checkout {

    private final CatalogReader catalog;

    public Checkout(CatalogReader catalog) {
        this.catalog = catalog;
    }

    public PricedOrder price(List<OrderItemRequest> items, String provinceCode) {
        return price(items, provinceCode, false);
    }

    /** With {@code withLots} the offers carry their open source lots (for the order's income snapshot). */
    public PricedOrder price(List<OrderItemRequest> items, String provinceCode, boolean withLots) {
        return price(items, provinceCode, withLots, Map.of());
    }

    /**
     * With {@code unitPrices} (SKU id -> fen) those SKUs are sold at the given price instead of the
     * catalog's: a server-side price such as a 拼团 group price or a flash sale's, never a client's number.
     */
    public PricedOrder price(List<OrderItemRequest> items, String provinceCode, boolean withLots, Map<Long, Long> unitPrices) {
        return price(items, provinceCode, catalog.offers(skuIds(items), withLots), unitPrices);
    }

    /** The distinct SKU ids of the items; a SKU named twice is refused. */
    public static Set<Long> skuIds(List<OrderItemRequest> items) {
        Set<Long> skuIds = new HashSet<>();
        for (OrderItemRequest item : items) {
            if (!skuIds.add(item.skuId())) {
                throw ApiException.badRequest("DUPLICATE_SKU", "同一规格在订单中只能出现一次");
            }
        }
        return skuIds;
    }

    /** Prices the items from offers already read (see {@link CheckoutOffers}). */
    public PricedOrder price(List<OrderItemRequest> items, String provinceCode, Map<Long, SkuOffer> offers,
            Map<Long, Long> unitPrices) {
        List<PricedOrder.PricedLine> lines = new ArrayList<>(items.size());
        Long agencyId = null;
        long goods = 0;
        for (OrderItemRequest item : items) {
            SkuOffer offer = offers.get(item.skuId());
            if (offer == null || !offer.buyable()) {
                throw unprocessable("SKU_UNAVAILABLE", "商品规格不存在或已下架: " + item.skuId());
            }
            if (item.quantity() > offer.maxPerOrder()) {
                throw unprocessable("QUANTITY_EXCEEDS_LIMIT", "该规格每单最多购买 " + offer.maxPerOrder() + " 件");
            }
            if (agencyId != null && agencyId != offer.agencyId()) {
                throw unprocessable("MULTIPLE_AGENCIES", "一个订单只能包含同一机构的商品，请按机构分开下单");
            }
            agencyId = offer.agencyId();
            long unitFen = unitPrices.getOrDefault(item.skuId(), offer.priceFen());
            long lineFen = Math.multiplyExact(unitFen, (long) item.quantity());
            goods = Math.addExact(goods, lineFen);
            lines.add(new PricedOrder.PricedLine(unitFen == offer.priceFen() ? offer : offer.withPrice(unitFen),
                    item.quantity(), lineFen));
        }
        return new PricedOrder(agencyId, lines, goods, shipping(lines, provinceCode));
    }

    private long shipping(List<PricedOrder.PricedLine> lines, String provinceCode) {
        Set<Long> templateIds = new HashSet<>();
        lines.forEach(l -> {
            if (l.offer().shippingTemplateId() != null) {
                templateIds.add(l.offer().shippingTemplateId());
            }
        });
        Map<Long, ShippingRule> rules = catalog.shippingRules(templateIds);
        Map<ShippingRule, long[]> parcels = new LinkedHashMap<>();
        for (PricedOrder.PricedLine line : lines) {
            Long templateId = line.offer().shippingTemplateId();
            ShippingRule rule = templateId == null ? ShippingRule.NONE : rules.getOrDefault(templateId, ShippingRule.NONE);
            long[] totals = parcels.computeIfAbsent(rule, r -> new long[2]);
            totals[0] += line.lineFen();
            totals[1] += (long) line.offer().weightGrams() * line.quantity();
        }
        List<ShippingCalculator.Parcel> list = new ArrayList<>();
        parcels.forEach((rule, totals) -> list.add(new ShippingCalculator.Parcel(rule, totals[0], totals[1])));
        return ShippingCalculator.fee(list, provinceCode);
    }

    static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }
}
