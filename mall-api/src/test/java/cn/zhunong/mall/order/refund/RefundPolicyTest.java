package cn.zhunong.mall.order.refund;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);
    private static final Duration TWO_DAYS = Duration.ofHours(48);

    @Test
    void beforeShippingAnyLineMayBeRefunded() {
        ok(OrderStatus.PAID, null, true, ClaimType.NO_REASON, 0);
        ok(OrderStatus.PAID, null, false, ClaimType.NO_REASON, 0);
    }

    @Test
    void perishableGoodsHaveNoNoReasonReturnOnceShipped() {
        refused(OrderStatus.SHIPPED, null, true, ClaimType.NO_REASON, 0, "PERISHABLE_NO_REASON_REFUND");
        refused(OrderStatus.RECEIVED, NOW.minusSeconds(60), true, ClaimType.NO_REASON, 0, "PERISHABLE_NO_REASON_REFUND");
        ok(OrderStatus.SHIPPED, null, false, ClaimType.NO_REASON, 0);
    }

    @Test
    void perishableQualityClaimsAreAcceptedWithin48HoursOfReceiptAndNeedPhotos() {
        ok(OrderStatus.RECEIVED, NOW.minus(Duration.ofHours(47)), true, ClaimType.QUALITY, 1);
        refused(OrderStatus.RECEIVED, NOW.minus(Duration.ofHours(49)), true, ClaimType.QUALITY, 1, "REFUND_WINDOW_CLOSED");
        refused(OrderStatus.RECEIVED, NOW.minus(Duration.ofHours(1)), true, ClaimType.QUALITY, 0, "PHOTOS_REQUIRED");
        refused(OrderStatus.SHIPPED, null, true, ClaimType.QUALITY, 1, "RECEIPT_REQUIRED");
    }

    @Test
    void otherGoodsWithinTheAfterSaleWindow() {
        ok(OrderStatus.RECEIVED, NOW.minus(Duration.ofDays(6)), false, ClaimType.NO_REASON, 0);
        refused(OrderStatus.RECEIVED, NOW.minus(Duration.ofDays(8)), false, ClaimType.NO_REASON, 0, "REFUND_WINDOW_CLOSED");
        refused(OrderStatus.COMPLETED, NOW.minus(Duration.ofDays(8)), false, ClaimType.QUALITY, 1, "REFUND_WINDOW_CLOSED");
    }

    @Test
    void unpaidOrClosedOrdersAndSystemClaimTypesAreRefused() {
        refused(OrderStatus.CREATED, null, false, ClaimType.NO_REASON, 0, "ORDER_STATE_CONFLICT");
        refused(OrderStatus.CLOSED, null, false, ClaimType.NO_REASON, 0, "ORDER_STATE_CONFLICT");
        refused(OrderStatus.PAID, null, false, ClaimType.PAID_AFTER_CLOSE, 0, "CLAIM_TYPE_INVALID");
    }

    private static void ok(OrderStatus status, Instant receivedAt, boolean perishable, ClaimType claim, int photos) {
        assertThatCode(() -> RefundPolicy.check(status, receivedAt, perishable, claim, photos, NOW, SEVEN_DAYS, TWO_DAYS))
                .doesNotThrowAnyException();
    }

    private static void refused(OrderStatus status, Instant receivedAt, boolean perishable, ClaimType claim, int photos,
            String code) {
        assertThatThrownBy(() -> RefundPolicy.check(status, receivedAt, perishable, claim, photos, NOW, SEVEN_DAYS, TWO_DAYS))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
    }
}
