package cn.zhunong.mall.ledger.allocation;

/**
 * A source lot while lines are being planned: how many units are still free, and how many this
 * plan has taken from it (applied to the database afterwards with one conditional update).
 */
public final class LotCursor {

    private final long id;
    private final long householdId;
    private final Long purchasePriceFen;
    private final Integer incomeShareBp;
    private int remaining;
    private int taken;

    public LotCursor(long id, long householdId, int remaining, Long purchasePriceFen, Integer incomeShareBp) {
        this.id = id;
        this.householdId = householdId;
        this.remaining = remaining;
        this.purchasePriceFen = purchasePriceFen;
        this.incomeShareBp = incomeShareBp;
    }

    int take(int wanted) {
        int units = Math.min(wanted, remaining);
        remaining -= units;
        taken += units;
        return units;
    }

    public long id() { return id; }
    public long householdId() { return householdId; }
    public int remaining() { return remaining; }
    public int taken() { return taken; }
    public Long purchasePriceFen() { return purchasePriceFen; }
    public Integer incomeShareBp() { return incomeShareBp; }

    IncomePortion portion(int units) {
        return purchasePriceFen != null ? IncomePortion.purchasePrice(units, purchasePriceFen)
                : IncomePortion.share(units, incomeShareBp);
    }

    IncomeRule rule() {
        return purchasePriceFen != null ? IncomeRule.PURCHASE_PRICE : IncomeRule.INCOME_SHARE;
    }
}
