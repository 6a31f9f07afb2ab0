package cn.zhunong.mall.ledger.allocation;

/**
 * Units of one line credited under one rule: either {@code purchasePriceFen} per unit, or
 * {@code incomeShareBp} of those units' part of the line's net amount.
 */
public record IncomePortion(int units, Long purchasePriceFen, Integer incomeShareBp) {

    public static IncomePortion purchasePrice(int units, long priceFen) {
        return new IncomePortion(units, priceFen, null);
    }

    public static IncomePortion share(int units, int bp) {
        return new IncomePortion(units, null, bp);
    }
}
