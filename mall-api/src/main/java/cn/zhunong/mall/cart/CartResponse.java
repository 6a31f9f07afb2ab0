package cn.zhunong.mall.cart;

import java.util.List;

/**
 * The cart with current catalog prices, grouped by the agency that ships: each group is checked
 * out as one order.
 */
public record CartResponse(List<Group> groups, long totalGoodsFen) {

    public record Group(Long agencyId, List<Line> lines, long goodsFen) {
    }

    /** {@code buyable} false: the SKU was taken off sale (or deleted) since it was put in the cart. */
    public record Line(long skuId, Long productId, String productName, String skuSpec, String unit, Long unitPriceFen,
            int quantity, Long lineFen, boolean buyable, boolean inStock) {
    }
}
