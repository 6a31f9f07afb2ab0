package cn.zhunong.mall.ledger.allocation;

import cn.zhunong.mall.ledger.PaidLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Allocates the units of a paid line (pure, no database):
 * <ul>
 *   <li>a SKU that names its own household credits all units to it with 100% of the line's net
 *       amount (rule SKU_HOUSEHOLD): the agency sells on that household's behalf and takes no
 *       margin, and no source lot is consumed;</li>
 *   <li>otherwise units are taken FIFO from the SKU's lots (oldest {@code received_on} first),
 *       each lot earning by its own rule (see {@link IncomeSplitter});</li>
 *   <li>units left when every lot is used up are not credited to anyone: that part of the net
 *       amount stays with the agency as revenue.</li>
 * </ul>
 */
public final class AllocationPlanner {

    private AllocationPlanner() {
    }

    /** @param fifoLots the SKU's lots with units left, oldest first; consumed in place */
    public static LinePlan plan(PaidLine line, List<LotCursor> fifoLots) {
        if (line.skuHouseholdId() != null) {
            PlannedAllocation all = new PlannedAllocation(line.skuHouseholdId(), null, IncomeRule.SKU_HOUSEHOLD,
                    line.quantity(), line.netAmountFen());
            return new LinePlan(line, List.of(all), 0);
        }
        int wanted = line.quantity();
        List<LotCursor> used = new ArrayList<>();
        List<Integer> units = new ArrayList<>();
        List<IncomePortion> portions = new ArrayList<>();
        for (LotCursor lot : fifoLots) {
            if (wanted == 0) {
                break;
            }
            int took = lot.take(wanted);
            if (took > 0) {
                wanted -= took;
                used.add(lot);
                units.add(took);
                portions.add(lot.portion(took));
            }
        }
        long[] income = IncomeSplitter.split(line.netAmountFen(), line.quantity(), portions);
        List<PlannedAllocation> allocations = new ArrayList<>(used.size());
        for (int i = 0; i < used.size(); i++) {
            LotCursor lot = used.get(i);
            allocations.add(new PlannedAllocation(lot.householdId(), lot.id(), lot.rule(), units.get(i), income[i]));
        }
        return new LinePlan(line, allocations, wanted);
    }
}
