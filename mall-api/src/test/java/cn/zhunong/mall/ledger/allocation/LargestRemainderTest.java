package cn.zhunong.mall.ledger.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhunong.mall.ledger.PaidLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void leftoverFenGoToTheLargestRemaindersThenTheEarlierPosition() {
        assertThat(LargestRemainder.apportion(100, new long[] {1, 1, 1})).containsExactly(34, 33, 33);
        assertThat(LargestRemainder.apportion(10, new long[] {3, 3, 4})).containsExactly(3, 3, 4);
        assertThat(LargestRemainder.apportion(7, new long[] {1, 2, 4})).containsExactly(1, 2, 4);
        assertThat(LargestRemainder.apportion(5, new long[] {0, 1, 1})).containsExactly(0, 3, 2);
        assertThat(LargestRemainder.apportion(0, new long[] {0, 0})).containsExactly(0, 0);
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long[] parts = LargestRemainder.apportion(Long.MAX_VALUE / 2, new long[] {Long.MAX_VALUE / 3, Long.MAX_VALUE / 3, 1});
        assertThat(parts[0] + parts[1] + parts[2]).isEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void refusesNegativeInputAndAllZeroWeights() {
        assertThatThrownBy(() -> LargestRemainder.apportion(-1, new long[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.apportion(1, new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.apportion(1, new long[] {-1, 2})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void purchasePriceIsExactAndSharesAreBasisPointsOfTheLinesNetAmount() {
        // 10 units for 1000.00 yuan: 4 units at 收购价 50.00, 6 units at 30% of their part (600.00 -> 180.00)
        long[] income = IncomeSplitter.split(100_000, 10, List.of(IncomePortion.purchasePrice(4, 5_000),
                IncomePortion.share(6, 3_000)));
        assertThat(income).containsExactly(20_000, 18_000);
    }

    @Test
    void sharesSplitByLargestRemainderWithoutCreatingAFen() {
        // 3 units for 1.00 yuan, each unit from another lot at 50%: 50 fen in all, not 3 x 16.67
        long[] income = IncomeSplitter.split(100, 3, List.of(IncomePortion.share(1, 5_000), IncomePortion.share(1, 5_000),
                IncomePortion.share(1, 5_000)));
        assertThat(income).containsExactly(17, 17, 16);
    }

    @Test
    void aDiscountBelowThePurchasePriceCapsIncomeAtTheNetAmount() {
        long[] income = IncomeSplitter.split(1_000, 2, List.of(IncomePortion.purchasePrice(1, 800),
                IncomePortion.purchasePrice(1, 700)));
        assertThat(income[0] + income[1]).isEqualTo(1_000);
        assertThat(income).containsExactly(533, 467);
    }

    @Test
    void fifoTakesTheOldestLotsFirstAndLeavesUncoveredUnitsToTheAgency() {
        List<LotCursor> lots = new ArrayList<>(List.of(new LotCursor(1, 11, 2, 1_000L, null),
                new LotCursor(2, 12, 5, null, 5_000)));
        LinePlan plan = AllocationPlanner.plan(new PaidLine(1, 9, 3, 6_000, null), lots);
        assertThat(plan.allocations()).extracting(PlannedAllocation::lotId).containsExactly(1L, 2L);
        assertThat(plan.allocations()).extracting(PlannedAllocation::units).containsExactly(2, 1);
        assertThat(plan.allocations()).extracting(PlannedAllocation::incomeFen).containsExactly(2_000L, 1_000L);
        assertThat(plan.unitsUnallocated()).isZero();

        LinePlan second = AllocationPlanner.plan(new PaidLine(2, 9, 6, 12_000, null), lots);
        assertThat(second.allocations()).singleElement().satisfies(a -> {
            assertThat(a.lotId()).isEqualTo(2L);
            assertThat(a.units()).isEqualTo(4);
            assertThat(a.incomeFen()).isEqualTo(4_000); // 50% of 4/6 of 120.00
        });
        assertThat(second.unitsUnallocated()).isEqualTo(2);
        assertThat(lots.get(0).taken()).isEqualTo(2);
        assertThat(lots.get(1).taken()).isEqualTo(5);
    }

    @Test
    void aSkuWithItsOwnHouseholdCreditsTheWholeNetAmountToIt() {
        LinePlan plan = AllocationPlanner.plan(new PaidLine(1, 9, 3, 4_500, 77L), List.of());
        assertThat(plan.allocations()).containsExactly(new PlannedAllocation(77, null, IncomeRule.SKU_HOUSEHOLD, 3, 4_500));
    }

    @Test
    void partialRefundsReverseExactlyTheFullIncomeWhenTheLineIsFullyRefunded() {
        long[] income = {333, 334};
        long[] reversed = {0, 0};
        long net = 1_000;
        long refunded = 0;
        for (long refund : new long[] {1, 299, 400, 300}) {
            long[] r = RefundSplitter.reversals(net, refunded, refund, income, reversed);
            for (int i = 0; i < r.length; i++) {
                reversed[i] += r[i];
            }
            refunded += refund;
        }
        assertThat(reversed).containsExactly(333, 334);
    }
}
