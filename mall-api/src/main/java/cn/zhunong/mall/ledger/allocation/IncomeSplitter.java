package cn.zhunong.mall.ledger.allocation;

import java.math.BigInteger;
import java.util.List;

/**
 * The household income of one order line, portion by portion (pure function).
 * <ul>
 *   <li>purchase-price portions earn price x units, exactly;</li>
 *   <li>share portions together earn floor(net x Σ(units x bp) / (quantity x 10000)), split over
 *       them by largest remainder with weights units x bp;</li>
 *   <li>if the total would exceed the line's net amount (a discount took the price below the
 *       收购价), the net amount is split over the portions by largest remainder instead, so a
 *       line never credits households more than the buyer paid for it.</li>
 * </ul>
 */
public final class IncomeSplitter {

    private static final BigInteger BP = BigInteger.valueOf(10_000);

    private IncomeSplitter() {
    }

    public static long[] split(long netAmountFen, int quantity, List<IncomePortion> portions) {
        if (quantity <= 0 || netAmountFen < 0) {
            throw new IllegalArgumentException("quantity must be > 0 and net >= 0");
        }
        int n = portions.size();
        long[] income = new long[n];
        long[] shareWeights = new long[n];
        BigInteger shareNumerator = BigInteger.ZERO;
        long units = 0;
        for (int i = 0; i < n; i++) {
            IncomePortion p = portions.get(i);
            units += p.units();
            if (p.purchasePriceFen() != null) {
                income[i] = Math.multiplyExact(p.purchasePriceFen(), (long) p.units());
            } else {
                shareWeights[i] = (long) p.units() * p.incomeShareBp();
                shareNumerator = shareNumerator.add(BigInteger.valueOf(shareWeights[i]));
            }
        }
        if (units > quantity) {
            throw new IllegalArgumentException("portions cover more units than the line has");
        }
        long shareTotal = BigInteger.valueOf(netAmountFen).multiply(shareNumerator)
                .divide(BigInteger.valueOf(quantity).multiply(BP)).longValueExact();
        long[] shares = LargestRemainder.apportion(shareTotal, shareWeights);
        long total = 0;
        for (int i = 0; i < n; i++) {
            income[i] += shares[i];
            total = Math.addExact(total, income[i]);
        }
        if (total > netAmountFen) {
            return LargestRemainder.apportion(netAmountFen, income);
        }
        return income;
    }
}
