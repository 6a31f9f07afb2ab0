package cn.zhunong.mall.payment;

import jakarta.validation.constraints.NotNull;

/** Body of POST /orders/{id}/payments/alipay. No amount: it always comes from the order. */
public record StartPaymentRequest(@NotNull PayChannel channel) {
}
