package cn.zhunong.mall.enterprise;

import java.time.Instant;

/** A purchase in a list (without its items and orders). */
public record PurchaseSummary(long id, long orgId, PurchaseStatus status, long goodsFen, int recipientCount,
        String paymentMethod, String transferReference, Instant transferRecordedAt, Instant createdAt) {

    static PurchaseSummary of(EnterprisePurchase p) {
        return new PurchaseSummary(p.getId(), p.getOrgId(), p.getStatus(), p.getGoodsFen(), p.getRecipientCount(),
                p.getPaymentMethod() == null ? null : p.getPaymentMethod().name(), p.getTransferReference(),
                p.getTransferRecordedAt(), p.getCreatedAt());
    }
}
