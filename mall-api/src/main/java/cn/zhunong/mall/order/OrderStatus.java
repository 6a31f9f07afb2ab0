package cn.zhunong.mall.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order life cycle (DESIGN §4). Every change is a compare-and-set in the database
 * ({@code UPDATE ... WHERE id = ? AND status = :from}); this table says which changes exist at all.
 */
public enum OrderStatus {
    /** 待付款 */
    CREATED,
    /** 已支付 */
    PAID,
    /** 已发货 */
    SHIPPED,
    /** 已收货 */
    RECEIVED,
    /** 已完成: the after-sale window has passed */
    COMPLETED,
    /** 已关闭: cancelled, timed out unpaid, or every line refunded */
    CLOSED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(PAID, CLOSED);
            case PAID -> EnumSet.of(SHIPPED, CLOSED);
            case SHIPPED -> EnumSet.of(RECEIVED, CLOSED);
            case RECEIVED -> EnumSet.of(COMPLETED, CLOSED);
            case COMPLETED, CLOSED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus to) {
        return next().contains(to);
    }
}
