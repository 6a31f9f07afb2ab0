package cn.zhunong.alipaysim;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one trade for tests and the demo.
 *
 * @param status {@code null} while the order is registered but the trade does not exist at "Alipay" yet (nobody has
 *               scanned the code or opened the cashier)
 */
public record TradeView(String appId, String outTradeNo, String tradeNo, TradeStatus status, String subject,
                        long totalFen, long refundedFen, String buyerId, String buyerLogonId, String notifyUrl,
                        String method, Instant gmtCreate, Instant gmtPayment, Instant gmtClose, Instant expireAt,
                        List<RefundView> refunds) {

    /** true once the trade exists at "Alipay" (scanned / cashier opened) */
    public boolean exists() {
        return status != null;
    }
}
