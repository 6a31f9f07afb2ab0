package cn.zhunong.mall.order;

/**
 * A rule another feature attaches to order transitions (the 拼团 seats): it runs inside the
 * transition, so what it writes commits or rolls back with the order's change.
 */
public interface OrderTransitionHook {

    /**
     * The order was just marked paid, in the same transaction and before ORDER_PAID is written, so
     * a change the hook makes to the order (its group) is what the event carries.
     */
    default void paid(Order order) {
    }

    /** Throws an {@link cn.zhunong.mall.infra.web.ApiException} when the order may not be shipped yet. */
    default void beforeShip(Order order) {
    }

    /** Throws an {@link cn.zhunong.mall.infra.web.ApiException} when the order may not be marked received yet. */
    default void beforeReceipt(Order order) {
    }

    /** The unpaid order was just closed (its stock given back), in the same transaction. */
    default void closed(Order order) {
    }

    /** Throws an {@link cn.zhunong.mall.infra.web.ApiException} when the buyer may not apply for a refund yet. */
    default void beforeRefundApplication(Order order) {
    }
}
