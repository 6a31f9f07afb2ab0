package cn.zhunong.mall.ledger.allocation;

import java.math.BigInteger;

/**
 * How much household income a refund of a line takes back, allocation by allocation (pure).
 * The income reversed so far always equals floor(line income x refunded so far / net amount):
 * so partial refunds add up to exactly the full income when the whole line is refunded, and the
 * reversal of this refund is split over the allocations by largest remainder in proportion to the
 * income each still has (never more than it has).
 */
public final class RefundSplitter {

    private RefundSplitter() {
    }

    /**
     * @param netAmountFen     the line's net amount ({@code > 0})
     * @param refundedBefore   refunded on the line before this refund
     * @param refundFen        this refund ({@code refundedBefore + refundFen <= netAmountFen})
     * @param income           each allocation's income
     * @param reversed         each allocation's income already reversed
     * @return the reversal of each allocation for this refund
     */
    public static long[] reversals(long netAmountFen, long refundedBefore, long refundFen, long[] income, long[] reversed) {
        if (netAmountFen <= 0 || refundFen < 0 || refundedBefore < 0 || refundedBefore + refundFen > netAmountFen) {
            throw new IllegalArgumentException("refund out of range");
        }
        long lineIncome = 0;
        long lineReversed = 0;
        long[] remaining = new long[income.length];
        for (int i = 0; i < income.length; i++) {
            lineIncome += income[i];
            lineReversed += reversed[i];
            remaining[i] = income[i] - reversed[i];
        }
        long target = BigInteger.valueOf(lineIncome).multiply(BigInteger.valueOf(refundedBefore + refundFen))
                .divide(BigInteger.valueOf(netAmountFen)).longValueExact();
        long delta = Math.max(0, target - lineReversed);
        delta = Math.min(delta, lineIncome - lineReversed);
        return LargestRemainder.apportion(delta, remaining);
    }
}
