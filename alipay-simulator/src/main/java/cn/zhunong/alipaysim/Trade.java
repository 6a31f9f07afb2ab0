package cn.zhunong.alipaysim;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One merchant order as Alipay sees it. Guarded by its own monitor: every read and write happens inside
 * {@code synchronized (trade)}.
 *
 * <p>A page/wap pay or precreate request only registers the order ({@code initialized}); Alipay creates the trade
 * when the buyer scans the code or opens the cashier ({@code created}). Until then query and close answer
 * ACQ.TRADE_NOT_EXIST, as the real gateway does.
 */
final class Trade {

    final String outTradeNo;

    boolean initialized;
    boolean created;
    /** the pre-order timed out before anyone scanned it */
    boolean preOrderExpired;

    String appId;
    String method;
    String productCode;
    String subject;
    String body;
    long totalFen;
    String notifyUrl;
    String returnUrl;
    Charset charset;
    String passbackParams;
    String cashierToken;
    Instant requestedAt;
    Instant expireAt;

    String tradeNo;
    TradeStatus status;
    String buyerId;
    String buyerLogonId;
    Instant gmtCreate;
    Instant gmtPayment;
    Instant gmtClose;
    long feeFen;
    long feeReturnedFen;
    long refundedFen;
    final Map<String, Refund> refunds = new LinkedHashMap<>();

    Trade(String outTradeNo) {
        this.outTradeNo = outTradeNo;
    }

    /** One successful refund, keyed by out_request_no. */
    record Refund(String outRequestNo, long amountFen, String reason, Instant at, long feeReturnedFen) {
    }

    TradeView view() {
        List<RefundView> list = new ArrayList<>();
        for (Refund r : refunds.values()) {
            list.add(new RefundView(r.outRequestNo(), r.amountFen(), r.reason(), r.at()));
        }
        return new TradeView(appId, outTradeNo, tradeNo, created ? status : null, subject, totalFen, refundedFen,
                buyerId, buyerLogonId, notifyUrl, method, gmtCreate, gmtPayment, gmtClose, expireAt, List.copyOf(list));
    }
}
