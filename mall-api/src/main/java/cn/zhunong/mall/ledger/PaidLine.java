package cn.zhunong.mall.ledger;

/**
 * One paid order line.
 *
 * @param netAmountFen    what the buyer paid for this line after discounts (shipping excluded)
 * @param skuHouseholdId  the SKU's own household ({@code sku.household_id}) snapshotted on the
 *                        order, or null when the line is allocated FIFO over source lots
 */
public record PaidLine(long orderLineId, long skuId, int quantity, long netAmountFen, Long skuHouseholdId) {
}
