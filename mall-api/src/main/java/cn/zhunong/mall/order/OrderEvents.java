package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The order events written to the outbox (consumed later by the ledger and the live-room ticker).
 * Payloads carry ids, amounts and attribution, never personal data.
 */
@Component
public class OrderEvents {

    public static final String AGGREGATE = "ORDER";

    private final Outbox outbox;

    public OrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void paid(Order order, List<OrderLine> lines) {
        Map<String, Object> payload = base(order);
        payload.put("paidFen", order.getPaidFen());
        payload.put("alipayTradeNo", order.getAlipayTradeNo());
        payload.put("paidAt", order.getPaidAt().toString());
        payload.put("lines", lines.stream().map(OrderEvents::line).toList());
        outbox.append("ORDER_PAID", AGGREGATE, order.getId(), payload);
    }

    public void closed(Order order, CloseReason reason) {
        Map<String, Object> payload = base(order);
        payload.put("reason", reason.name());
        outbox.append("ORDER_CLOSED", AGGREGATE, order.getId(), payload);
    }

    public void changed(String type, Order order) {
        outbox.append(type, AGGREGATE, order.getId(), base(order));
    }

    private static Map<String, Object> base(Order order) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", order.getId());
        payload.put("orderNo", order.getOrderNo());
        payload.put("userId", order.getUserId());
        payload.put("agencyId", order.getAgencyId());
        payload.put("totalFen", order.getTotalFen());
        payload.put("campaignCode", order.getCampaignCode());
        payload.put("liveSessionId", order.getLiveSessionId());
        payload.put("streamerId", order.getStreamerId());
        payload.put("groupBuyId", order.getGroupBuyId());
        return payload;
    }

    private static Map<String, Object> line(OrderLine line) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lineId", line.getId());
        map.put("skuId", line.getSkuId());
        map.put("productId", line.getProductId());
        map.put("productName", line.getProductName());
        map.put("quantity", line.getQuantity());
        map.put("lineFen", line.getLineFen());
        return map;
    }
}
