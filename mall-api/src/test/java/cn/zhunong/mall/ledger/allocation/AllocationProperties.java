package cn.zhunong.mall.ledger.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Rounding never creates or loses a fen, whatever the amounts (pure functions, no database). */
class AllocationProperties {

    @Property(tries = 500)
    void apportionAddsUpExactlyAndStaysWithinAFenOfTheExactShare(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long total,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000) Long> weightList) {
        long[] weights = weightList.stream().mapToLong(Long::longValue).toArray();
        long sum = weightList.stream().mapToLong(Long::longValue).sum();
        if (sum == 0) {
            weights[0] = 1;
            sum = 1;
        }
        long[] parts = LargestRemainder.apportion(total, weights);
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            given += parts[i];
            double exact = (double) total * weights[i] / sum;
            assertThat(parts[i]).isBetween((long) Math.floor(exact) - 1, (long) Math.ceil(exact) + 1);
            assertThat(parts[i]).isGreaterThanOrEqualTo(0);
        }
        assertThat(given).isEqualTo(total);
    }

    @Property(tries = 500)
    void aLineNeverCreditsMoreThanItsNetAmount(@ForAll @LongRange(min = 0, max = 100_000_000) long net,
            @ForAll("portions") List<IncomePortion> portions, @ForAll @IntRange(min = 0, max = 50) int extraUnits) {
        int units = portions.stream().mapToInt(IncomePortion::units).sum();
        long[] income = IncomeSplitter.split(net, Math.max(1, units + extraUnits), portions);
        long total = 0;
        for (long fen : income) {
            assertThat(fen).isNotNegative();
            total += fen;
        }
        assertThat(total).isLessThanOrEqualTo(net);
    }

    @Property(tries = 300)
    void refundsReverseInProportionAndAFullRefundReversesEverything(@ForAll @LongRange(min = 1, max = 10_000_000) long net,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 10_000) Integer> shares,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 100) Integer> refundWeights) {
        long[] weights = shares.stream().mapToLong(Integer::longValue).toArray();
        if (shares.stream().mapToInt(Integer::intValue).sum() == 0) {
            weights[0] = 1;
        }
        long lineIncome = net * 7 / 10;
        long[] income = LargestRemainder.apportion(lineIncome, weights);
        long[] refunds = LargestRemainder.apportion(net, refundWeights.stream().mapToLong(Integer::longValue).toArray());
        long[] reversed = new long[income.length];
        long refunded = 0;
        for (long refund : refunds) {
            long[] r = RefundSplitter.reversals(net, refunded, refund, income, reversed);
            refunded += refund;
            long reversedNow = 0;
            for (int i = 0; i < r.length; i++) {
                reversed[i] += r[i];
                assertThat(reversed[i]).isBetween(0L, income[i]);
                reversedNow += reversed[i];
            }
            // exactly the refunded fraction of the line's income, rounded down
            assertThat(reversedNow).isEqualTo(java.math.BigInteger.valueOf(lineIncome).multiply(java.math.BigInteger.valueOf(refunded))
                    .divide(java.math.BigInteger.valueOf(net)).longValueExact());
        }
        assertThat(reversed).containsExactly(income);
    }

    @Provide
    Arbitrary<List<IncomePortion>> portions() {
        Arbitrary<IncomePortion> price = Combinators.combine(Arbitraries.integers().between(1, 20),
                Arbitraries.longs().between(0, 1_000_000)).as(IncomePortion::purchasePrice);
        Arbitrary<IncomePortion> share = Combinators.combine(Arbitraries.integers().between(1, 20),
                Arbitraries.integers().between(1, 10_000)).as(IncomePortion::share);
        return Arbitraries.oneOf(price, share).list().ofMinSize(0).ofMaxSize(8).map(ArrayList::new);
    }
}
