package cn.zhunong.mall.order;

import jakarta.validation.constraints.Positive;

/** Filters of the order lists; {@code agencyId} and {@code villageId} only apply to the agency list. */
public record OrderFilter(OrderStatus status, @Positive Long agencyId, @Positive Long villageId) {
}
