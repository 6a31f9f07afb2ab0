package cn.zhunong.mall.order.refund;

import jakarta.validation.constraints.Positive;

public record RefundFilter(RefundStatus status, @Positive Long agencyId) {
}
