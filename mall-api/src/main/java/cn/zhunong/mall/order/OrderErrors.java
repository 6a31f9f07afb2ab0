package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.web.ApiException;
import org.springframework.http.HttpStatus;

/** The problems orders answer with; codes are stable, messages are for people. */
public final class OrderErrors {

    private OrderErrors() {
    }

    public static ApiException notFound() {
        return ApiException.notFound("ORDER_NOT_FOUND", "订单不存在");
    }

    /** A compare-and-set lost, or the transition does not exist from the current state. */
    public static ApiException stateConflict(OrderStatus current, String action) {
        return ApiException.conflict("ORDER_STATE_CONFLICT", "订单当前状态（" + label(current) + "）不能" + action);
    }

    public static ApiException stockInsufficient(long skuId) {
        return ApiException.conflict("STOCK_INSUFFICIENT", "库存不足: " + skuId);
    }

    public static ApiException idempotencyKeyReused() {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                "该 Idempotency-Key 已用于内容不同的下单请求");
    }

    public static String label(OrderStatus status) {
        return switch (status) {
            case CREATED -> "待付款";
            case PAID -> "已支付";
            case SHIPPED -> "已发货";
            case RECEIVED -> "已收货";
            case COMPLETED -> "已完成";
            case CLOSED -> "已关闭";
        };
    }
}
