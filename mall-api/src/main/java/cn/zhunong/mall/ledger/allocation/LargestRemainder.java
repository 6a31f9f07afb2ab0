package cn.zhunong.mall.ledger.allocation;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Splits a whole number of fen over weights so that the parts add up exactly to the total:
 * everyone gets the floor of their exact share, and the fen left over go one each to the largest
 * remainders (ties: the earlier position). No fen is created or lost.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * @param total   fen to split, {@code >= 0}
     * @param weights non-negative weights; their sum must be positive unless {@code total == 0}
     * @return the parts, in the order of the weights; they sum to {@code total}, and a part is
     *         never more than one fen away from its exact share
     */
    public static long[] apportion(long total, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0");
        }
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must be >= 0");
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("weights must not all be zero when total > 0");
        }
        BigInteger bigTotal = BigInteger.valueOf(total);
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = bigTotal.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        long left = total - given; // < number of positive remainders, so no part exceeds its ceiling
        if (left > 0) {
            Integer[] order = new Integer[weights.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                    .thenComparing(i -> i));
            for (int k = 0; k < left; k++) {
                parts[order[k]]++;
            }
        }
        return parts;
    }
}
