package cn.zhunong.mall.payment;

import java.time.Instant;

/** Where the buyer pays: {@code payUrl} for PAGE/WAP (redirect the browser), {@code qrCode} for QR. */
public record PaymentResponse(long orderId, String orderNo, PayChannel channel, long totalFen, Instant expiresAt, String payUrl,
        String qrCode) {
}
