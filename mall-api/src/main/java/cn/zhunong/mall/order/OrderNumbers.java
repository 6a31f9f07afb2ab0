package cn.zhunong.mall.order;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Order numbers (our out_trade_no at Alipay): "ZN", the creation instant in milliseconds, a node
 * number drawn at start-up and a per-process sequence. Unique within a process by construction;
 * across instances a clash needs the same node number, millisecond and sequence value, and
 * uk_order_no still refuses it.
 */
public final class OrderNumbers {

    private static final int NODE = ThreadLocalRandom.current().nextInt(1000);
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextInt(100_000));

    private OrderNumbers() {
    }

    public static String next(Instant now) {
        long sequence = SEQUENCE.getAndIncrement() % 100_000;
        StringBuilder number = new StringBuilder(30).append("ZN").append(now.toEpochMilli());
        return zeroPadded(zeroPadded(number, NODE, 3), sequence, 5).toString();
    }

    private static StringBuilder zeroPadded(StringBuilder to, long value, int digits) {
        String text = Long.toString(value);
        for (int i = text.length(); i < digits; i++) {
            to.append('0');
        }
        return to.append(text);
    }
}
