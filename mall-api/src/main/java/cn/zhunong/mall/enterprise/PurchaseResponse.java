package cn.zhunong.mall.enterprise;

import java.time.Instant;
import java.util.List;

/**
 * A bulk purchase with its quoted items and, once placed, its orders (recipients' phones masked).
 *
 * @param goodsFen       quoted goods total at tier prices
 * @param listFen        the same at SKU prices
 * @param ordersTotalFen what the orders cost with shipping (0 before placing): the amount to transfer
 */
public record PurchaseResponse(long id, long orgId, PurchaseStatus status, long goodsFen, long listFen, Instant quoteExpiresAt,
        List<Item> items, int recipientCount, Invoice invoice, String paymentMethod, String transferReference,
        Instant confirmedAt, List<PlacedOrder> orders, long ordersTotalFen) {

    public record Item(long skuId, long agencyId, int quantity, long listPriceFen, long unitPriceFen, long lineFen) {
    }

    public record Invoice(String title, String taxId) {
    }

    public record PlacedOrder(long id, String orderNo, long agencyId, String status, long goodsFen, long shippingFen,
            long totalFen, String receiverName, String receiverPhoneMasked, String paymentMethod) {
    }
}
