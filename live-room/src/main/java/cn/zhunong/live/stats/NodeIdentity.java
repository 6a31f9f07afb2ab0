package cn.zhunong.live.stats;

import cn.zhunong.live.config.LiveProperties;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * This node's name in Redis and its id generator. Ids are 64-bit, time-ordered and unique across
 * nodes without a round trip: 41 bits of milliseconds since 2025-01-01, 10 bits of worker number
 * (from a Redis counter at start, so two live nodes differ), 12 bits of sequence.
 */
@Component
public class NodeIdentity {

    private static final long EPOCH = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
    private static final int SEQUENCE_BITS = 12;
    private static final int WORKER_BITS = 10;

    private final String id;
    private final long worker;
    private final AtomicLong last = new AtomicLong();

    public NodeIdentity(LiveProperties properties, StringRedisTemplate redis) {
        String configured = properties.node().id();
        this.id = configured == null || configured.isBlank()
                ? "n-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(5)) : configured;
        Long counter = redis.opsForValue().increment("live:node-seq");
        this.worker = (counter == null ? 0 : counter) & ((1L << WORKER_BITS) - 1);
    }

    public String id() {
        return id;
    }

    /** The next id; strictly increasing on this node. */
    public long nextId() {
        while (true) {
            long previous = last.get();
            long now = (System.currentTimeMillis() - EPOCH) << (WORKER_BITS + SEQUENCE_BITS);
            long base = now | (worker << SEQUENCE_BITS);
            long next = Math.max(base, previous + 1);
            if (last.compareAndSet(previous, next)) {
                return next;
            }
        }
    }

    /** When an id was made (epoch ms). */
    public static long timeOf(long id) {
        return (id >>> (WORKER_BITS + SEQUENCE_BITS)) + EPOCH;
    }
}
