package cn.zhunong.mall.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of POST /orders and POST /orders/quote. All items must belong to one agency (the cart view
 * groups them that way); a mixed list is refused with 422 MULTIPLE_AGENCIES.
 *
 * @param removeFromCart remove the ordered SKUs from the buyer's cart once the order exists
 */
public record CreateOrderRequest(
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid OrderItemRequest> items,
        @NotNull @Valid ShippingAddress address,
        @Valid Attribution attribution,
        @Size(max = 200) String note,
        Boolean removeFromCart) {
}
