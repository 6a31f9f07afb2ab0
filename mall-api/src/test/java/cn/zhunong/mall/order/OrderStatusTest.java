package cn.zhunong.mall.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void theLifeCycleOfDesignSection4() {
        assertThat(OrderStatus.CREATED.next()).containsExactlyInAnyOrder(OrderStatus.PAID, OrderStatus.CLOSED);
        assertThat(OrderStatus.PAID.next()).containsExactlyInAnyOrder(OrderStatus.SHIPPED, OrderStatus.CLOSED);
        assertThat(OrderStatus.SHIPPED.next()).containsExactlyInAnyOrder(OrderStatus.RECEIVED, OrderStatus.CLOSED);
        assertThat(OrderStatus.RECEIVED.next()).containsExactlyInAnyOrder(OrderStatus.COMPLETED, OrderStatus.CLOSED);
        assertThat(OrderStatus.COMPLETED.next()).isEmpty();
        assertThat(OrderStatus.CLOSED.next()).isEmpty();
        assertThat(OrderStatus.CREATED.canMoveTo(OrderStatus.SHIPPED)).isFalse();
        assertThat(OrderStatus.CLOSED.canMoveTo(OrderStatus.PAID)).isFalse();
    }
}
