package cn.zhunong.bench.live;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in 0.1 ms buckets up to 60 s (above: the last bucket); safe to record from many threads
 * (the load generator keeps one per thread, so recording never contends).
 */
final class Histogram {

    private static final long BUCKET_NANOS = 100_000;
    private final AtomicLongArray buckets = new AtomicLongArray(600_001);

    /** One histogram holding the values of all of them. */
    static Histogram sum(List<Histogram> parts) {
        Histogram total = new Histogram();
        for (Histogram part : parts) {
            for (int i = 0; i < part.buckets.length(); i++) {
                long n = part.buckets.get(i);
                if (n != 0) {
                    total.buckets.addAndGet(i, n);
                }
            }
        }
        return total;
    }

    void record(long nanos) {
        int bucket = (int) Math.min(buckets.length() - 1, Math.max(0, nanos / BUCKET_NANOS));
        buckets.incrementAndGet(bucket);
    }

    long count() {
        long n = 0;
        for (int i = 0; i < buckets.length(); i++) {
            n += buckets.get(i);
        }
        return n;
    }

    /** The upper bound of the bucket holding the given fraction of the values, in ms. */
    double percentileMs(double fraction) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return buckets.length() * BUCKET_NANOS / 1e6;
    }
}
