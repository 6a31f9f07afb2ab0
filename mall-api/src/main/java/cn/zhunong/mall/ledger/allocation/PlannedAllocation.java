package cn.zhunong.mall.ledger.allocation;

/** Units of a line credited to a household (lotId null for a SKU that names its household). */
public record PlannedAllocation(long householdId, Long lotId, IncomeRule rule, int units, long incomeFen) {
}
