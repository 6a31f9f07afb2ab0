package cn.zhunong.mall.payment;

import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderMapper;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Alipay's asynchronous notify (DESIGN §4). Accepted only when the signature verifies
 * (rsaCheckV1 with Alipay's public key), app_id and seller_id are ours, out_trade_no is one of our
 * orders and total_amount equals the order's total to the fen. Anything else is logged and
 * changes nothing. Only TRADE_SUCCESS / TRADE_FINISHED mean paid; both, in any order and any
 * number of times, meet the same compare-and-set ({@link PaymentSettlement}).
 */
@Service
public class AlipayNotifyService {

    private static final Logger log = LoggerFactory.getLogger(AlipayNotifyService.class);

    private final AlipayGateway alipay;
    private final AlipayProperties properties;
    private final OrderMapper orders;
    private final PaymentSettlement settlement;

    public AlipayNotifyService(AlipayGateway alipay, AlipayProperties properties, OrderMapper orders,
            PaymentSettlement settlement) {
        this.alipay = alipay;
        this.properties = properties;
        this.orders = orders;
        this.settlement = settlement;
    }

    /** True when the notify was handled (and committed): the caller then answers "success". */
    public boolean handle(Map<String, String> params) {
        String outTradeNo = params.get("out_trade_no");
        String notifyId = params.get("notify_id");
        if (!alipay.verifyNotify(params)) {
            return reject("signature does not verify", outTradeNo, notifyId);
        }
        if (!properties.appId().equals(params.get("app_id"))) {
            return reject("app_id is not ours", outTradeNo, notifyId);
        }
        if (properties.sellerId() != null && !properties.sellerId().isBlank()
                && !properties.sellerId().equals(params.get("seller_id"))) {
            return reject("seller_id is not ours", outTradeNo, notifyId);
        }
        Order order = outTradeNo == null ? null : orders.findByOrderNo(outTradeNo);
        if (order == null) {
            return reject("unknown out_trade_no", outTradeNo, notifyId);
        }
        Long amount = AlipayAmounts.fen(params.get("total_amount"));
        if (amount == null || amount.longValue() != order.getTotalFen()) {
            return reject("total_amount " + safe(params.get("total_amount")) + " differs from the order's "
                    + order.getTotalFen() + " fen", outTradeNo, notifyId);
        }
        TradeStatus status = TradeStatus.parse(params.get("trade_status"));
        if (status == null) {
            return reject("unknown trade_status", outTradeNo, notifyId);
        }
        if (status.paid()) {
            PaymentSettlement.Outcome outcome = settlement.settle(order, params.get("trade_no"), amount);
            log.info("Alipay notify {} for order {}: {} -> {}", notifyId, outTradeNo, status, outcome);
        } else {
            log.info("Alipay notify {} for order {}: {} (nothing to do)", notifyId, outTradeNo, status);
        }
        return true;
    }

    private static boolean reject(String why, String outTradeNo, String notifyId) {
        log.warn("Rejected Alipay notify {} for out_trade_no {}: {}", safe(notifyId), safe(outTradeNo), why);
        return false;
    }

    /** Unverified input goes to the log only when it looks like an id (no line breaks, no personal data). */
    private static String safe(String value) {
        return value != null && value.matches("[A-Za-z0-9_.-]{1,64}") ? value : "(malformed)";
    }
}
