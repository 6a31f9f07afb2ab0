package cn.zhunong.mall.ledger.allocation;

import cn.zhunong.mall.ledger.PaidLine;
import java.util.List;

/**
 * The allocations of one line. {@code unitsUnallocated}: units no lot covered — their part of
 * the net amount stays with the agency (revenue), because no household is known to have supplied them.
 */
public record LinePlan(PaidLine line, List<PlannedAllocation> allocations, int unitsUnallocated) {

    public long householdIncomeFen() {
        return allocations.stream().mapToLong(PlannedAllocation::incomeFen).sum();
    }
}
