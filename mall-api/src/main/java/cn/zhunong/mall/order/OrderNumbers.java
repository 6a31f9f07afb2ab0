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
        return "ZN" + now.toEpochMilli() + String.format("%03d%05d", NODE, SEQUENCE.getAndIncrement() % 100_000);
    }
}
