package cn.zhunong.mall.order.stock;

import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the Redis counters honest against the database (DESIGN §4). Per loaded SKU:
 * <ol>
 *   <li>in-flight reservations older than {@code reservationStaleAfter} (their process died
 *       between Redis and the database) are settled: confirmed if the order exists, else given
 *       back;</li>
 *   <li>drift = counter + units in flight − database stock, read between two equal database
 *       reads. A drift seen with the same value on two consecutive runs is repaired by shifting
 *       the counter (a relative change, so it is safe next to live reservations); a one-off value
 *       is the normal gap between a commit and its confirmation and is left alone.</li>
 * </ol>
 * One instance at a time (a Redis lock), so two instances never repair the same drift twice.
 */
@Component
public class StockReconciler {

    private static final Logger log = LoggerFactory.getLogger(StockReconciler.class);
    private static final String LOCK = "zhunong:stock:reconcile-lock";

    private final StockCounters counters;
    private final StockMapper stock;
    private final OrderMapper orders;
    private final StringRedisTemplate redis;
    private final OrderProperties properties;
    private final Clock clock;
    private final Map<Long, Long> suspectedDrift = new ConcurrentHashMap<>();

    public StockReconciler(StockCounters counters, StockMapper stock, OrderMapper orders, StringRedisTemplate redis,
            OrderProperties properties, Clock clock) {
        this.counters = counters;
        this.stock = stock;
        this.orders = orders;
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one run found. {@code drifting}: SKUs whose counter disagreed with the database. */
    public record Report(int checked, int drifting, int repaired, int staleSettled) {
    }

    @Scheduled(fixedDelayString = "${zhunong.orders.stock-reconcile-delay}",
            initialDelayString = "${zhunong.orders.stock-reconcile-delay}")
    public void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Stock reconciliation failed; will retry: {}", e.toString());
        }
    }

    public Report reconcile() {
        String owner = UUID.randomUUID().toString();
        Boolean locked = redis.opsForValue().setIfAbsent(LOCK, owner, Duration.ofMinutes(5));
        if (!Boolean.TRUE.equals(locked)) {
            return new Report(0, 0, 0, 0);
        }
        try {
            int checked = 0;
            int drifting = 0;
            int repaired = 0;
            int stale = 0;
            for (String member : counters.loadedSkus()) {
                long sku = Long.parseLong(member);
                stale += settleStale(sku);
                Long drift = drift(sku);
                checked++;
                if (drift == null || drift == 0) {
                    suspectedDrift.remove(sku);
                    continue;
                }
                drifting++;
                Long previous = suspectedDrift.put(sku, drift);
                if (previous != null && previous.longValue() == drift) {
                    counters.adjust(sku, -drift);
                    suspectedDrift.remove(sku);
                    repaired++;
                    log.warn("Stock counter of SKU {} drifted by {} units from the database; repaired", sku, drift);
                }
            }
            return new Report(checked, drifting, repaired, stale);
        } finally {
            if (owner.equals(redis.opsForValue().get(LOCK))) {
                redis.delete(LOCK);
            }
        }
    }

    /** counter + in flight − database stock; null when it cannot be read consistently (or the SKU is gone). */
    Long drift(long sku) {
        Integer before = stock.stockOf(sku);
        StockCounters.Snapshot snapshot = counters.snapshot(sku);
        Integer after = stock.stockOf(sku);
        if (before == null || after == null) {
            if (before == null && after == null) {
                counters.forget(sku);
            }
            return null;
        }
        if (!before.equals(after) || snapshot.counter() == null) {
            return null;
        }
        return snapshot.counter() + snapshot.inflight() - before;
    }

    private int settleStale(long sku) {
        long cutoff = clock.millis() - properties.reservationStaleAfter().toMillis();
        int settled = 0;
        for (Map.Entry<Object, Object> entry : counters.inflight(sku).entrySet()) {
            String token = entry.getKey().toString();
            String[] qtyAndTime = entry.getValue().toString().split(":");
            if (Long.parseLong(qtyAndTime[1]) >= cutoff) {
                continue;
            }
            if (orders.countByOrderNo(token) > 0) {
                counters.confirm(token, java.util.Set.of(sku));
            } else {
                counters.giveBack(token, Map.of(sku, Integer.parseInt(qtyAndTime[0])));
            }
            settled++;
            log.warn("Settled a stale stock reservation of order {} on SKU {}", token, sku);
        }
        return settled;
    }
}
