package cn.zhunong.mall.order.refund;

import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.order.OrderErrors;
import cn.zhunong.mall.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * When a buyer may ask for a line's money back. Pure: no Spring, no database.
 * <ul>
 *   <li>paid, not shipped: always;</li>
 *   <li>shipped, not yet received: no-reason returns of non-perishable goods (quality claims
 *       once received);</li>
 *   <li>received: non-perishable goods within the after-sale window (7 days); perishable goods
 *       only with a quality claim within 48 hours of receipt — no no-reason returns;</li>
 *   <li>quality claims need at least one photo; completed, closed or unpaid orders: never.</li>
 * </ul>
 */
public final class RefundPolicy {

    private RefundPolicy() {
    }

    public static void check(OrderStatus status, Instant receivedAt, boolean perishable, ClaimType claim, int photoCount,
            Instant now, Duration afterSaleWindow, Duration perishableClaimWindow) {
        if (claim.systemOnly()) {
            throw ApiException.badRequest("CLAIM_TYPE_INVALID", "不支持的退款类型");
        }
        if (claim == ClaimType.QUALITY && photoCount == 0) {
            throw ApiException.badRequest("PHOTOS_REQUIRED", "质量问题退款须上传至少一张照片");
        }
        switch (status) {
            case PAID -> {
                // nothing has left the farm yet
            }
            case SHIPPED -> {
                if (perishable && claim == ClaimType.NO_REASON) {
                    throw perishableNoReason();
                }
                if (claim == ClaimType.QUALITY) {
                    throw unprocessable("RECEIPT_REQUIRED", "请在确认收货后申请质量问题退款");
                }
            }
            case RECEIVED -> {
                if (perishable && claim == ClaimType.NO_REASON) {
                    throw perishableNoReason();
                }
                Duration window = perishable ? perishableClaimWindow : afterSaleWindow;
                if (receivedAt == null || now.isAfter(receivedAt.plus(window))) {
                    throw unprocessable("REFUND_WINDOW_CLOSED", perishable
                            ? "生鲜商品须在收货后 " + window.toHours() + " 小时内申请质量问题退款"
                            : "已超过售后期限（收货后 " + window.toDays() + " 天）");
                }
            }
            case COMPLETED -> throw unprocessable("REFUND_WINDOW_CLOSED", "订单已完成，售后期已过");
            case CREATED, CLOSED -> throw OrderErrors.stateConflict(status, "申请退款");
        }
    }

    private static ApiException perishableNoReason() {
        return unprocessable("PERISHABLE_NO_REASON_REFUND", "生鲜商品不支持无理由退货，如有质量问题请申请质量问题退款");
    }

    private static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }
}
