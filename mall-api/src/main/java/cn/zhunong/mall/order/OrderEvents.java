package cn.zhunong.mall.order;

import cn.zhunong.common.events.OrderPaidEvent;
import cn.zhunong.mall.account.UserAccount;
import cn.zhunong.mall.account.UserAccountMapper;
import cn.zhunong.mall.catalog.sku.SkuUnit;
import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The order events written to the outbox (consumed later by the ledger and the live-room ticker).
 * Payloads carry ids, amounts and attribution, never personal data: the one name in them is the
 * buyer's nickname masked to its first character ("张**"), shown by the live-room purchase ticker.
 * The ORDER_PAID field names are in {@link OrderPaidEvent} (platform-common), shared with live-room.
 */
@Component
public class OrderEvents {

    public static final String AGGREGATE = "ORDER";

    private static final String ANONYMOUS_BUYER = "用户**";

    private final Outbox outbox;
    private final UserAccountMapper accounts;

    public OrderEvents(Outbox outbox, UserAccountMapper accounts) {
        this.outbox = outbox;
        this.accounts = accounts;
    }

    public void paid(Order order, List<OrderLine> lines) {
        Map<String, Object> payload = base(order);
        payload.put(OrderPaidEvent.PAID_FEN, order.getPaidFen());
        payload.put("alipayTradeNo", order.getAlipayTradeNo());
        payload.put("paidAt", order.getPaidAt().toString());
        payload.put(OrderPaidEvent.FLASH_SALE_ID, order.getFlashSaleId());
        payload.put(OrderPaidEvent.BUYER_MASKED_NAME, buyerMaskedName(order.getUserId()));
        payload.put(OrderPaidEvent.LINES, lines.stream().map(OrderEvents::line).toList());
        outbox.append(OrderPaidEvent.TYPE, AGGREGATE, order.getId(), payload);
    }

    /** The nickname masked to its first character; the receiver's name (a real name) is never used. */
    private String buyerMaskedName(long userId) {
        UserAccount account = accounts.selectById(userId);
        String name = account == null || account.getDisplayName() == null ? "" : account.getDisplayName().strip();
        return name.isEmpty() ? ANONYMOUS_BUYER : Masking.personName(name);
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
        payload.put(OrderPaidEvent.ORDER_ID, order.getId());
        payload.put("orderNo", order.getOrderNo());
        payload.put(OrderPaidEvent.USER_ID, order.getUserId());
        payload.put("agencyId", order.getAgencyId());
        payload.put("totalFen", order.getTotalFen());
        payload.put("campaignCode", order.getCampaignCode());
        payload.put(OrderPaidEvent.LIVE_SESSION_ID, order.getLiveSessionId());
        payload.put(OrderPaidEvent.STREAMER_ID, order.getStreamerId());
        payload.put("groupBuyId", order.getGroupBuyId());
        return payload;
    }

    private static Map<String, Object> line(OrderLine line) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lineId", line.getId());
        map.put("skuId", line.getSkuId());
        map.put("productId", line.getProductId());
        map.put(OrderPaidEvent.PRODUCT_NAME, line.getProductName());
        map.put(OrderPaidEvent.QUANTITY, line.getQuantity());
        map.put(OrderPaidEvent.UNIT_NAME, unitName(line.getUnit()));
        map.put(OrderPaidEvent.LINE_FEN, line.getLineFen());
        return map;
    }

    /** 斤 for JIN etc.; an unknown code is passed as it is. */
    static String unitName(String unit) {
        try {
            return SkuUnit.valueOf(unit).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return unit;
        }
    }
}
