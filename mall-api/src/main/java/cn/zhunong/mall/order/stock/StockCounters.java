package cn.zhunong.mall.order.stock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * Redis pre-deduction of stock (DESIGN §4), so that buyers of a sold-out SKU are refused without
 * touching the database. Per SKU there is a counter {@code zhunong:stock:<sku>} and a hash of
 * in-flight reservations {@code zhunong:stock:<sku>:inflight} (order number -> "qty:epochMillis").
 * Invariant when nothing is in flight: counter == sku.stock in the database. A reservation is
 * confirmed (entry removed) after the order committed, or given back (entry removed + counter
 * restored) when it did not; only whoever removes the entry acts, so nothing is given back twice.
 *
 * <p>Redis must not evict these keys (maxmemory-policy noeviction). Multi-SKU orders run one
 * script over several SKUs' keys (and the catalog version key and a replay marker); on Redis
 * Cluster they would need a common hash tag.
 */
@Component
public class StockCounters {

    static final String PREFIX = "zhunong:stock:";
    static final String LOADED_SET = "zhunong:stock:skus";

    /**
     * KEYS: the watched key, the replay marker, then each SKU's counter and in-flight hash.
     * Returns {status, i, watched}: status 0 = reserved; 1 = SKU number i has too few units; 2 = SKU
     * number i is not loaded yet; 3 = the replay marker exists, nothing reserved. watched is the
     * watched key's value (false when absent), read in the same atomic step.
     */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> RESERVE = new DefaultRedisScript<>("""
            local watched = redis.call('GET', KEYS[1])
            if redis.call('EXISTS', KEYS[2]) == 1 then return {3, 0, watched} end
            local n = (#KEYS - 2) / 2
            for i = 1, n do
              local c = redis.call('GET', KEYS[2 * i + 1])
              if not c then return {2, i, watched} end
              if tonumber(c) < tonumber(ARGV[2 + i]) then return {1, i, watched} end
            end
            for i = 1, n do
              redis.call('DECRBY', KEYS[2 * i + 1], ARGV[2 + i])
              redis.call('HSET', KEYS[2 * i + 2], ARGV[1], ARGV[2 + i] .. ':' .. ARGV[2])
            end
            return {0, 0, watched}
            """, List.class);

    /**
     * Removes the in-flight entries of the orders in ARGV[3..] from the first ARGV[1] keys (in-flight
     * hashes; absent entries are no-ops), and sets each further key for ARGV[2] ms (replay markers).
     */
    private static final DefaultRedisScript<Long> CONFIRM = new DefaultRedisScript<>("""
            local n = tonumber(ARGV[1])
            for i = 1, n do redis.call('HDEL', KEYS[i], unpack(ARGV, 3)) end
            for i = n + 1, #KEYS do redis.call('SET', KEYS[i], '1', 'PX', ARGV[2]) end
            return 0
            """, Long.class);

    private static final DefaultRedisScript<Long> GIVE_BACK = new DefaultRedisScript<>("""
            local n = #KEYS / 2
            for i = 1, n do
              if redis.call('HDEL', KEYS[2 * i], ARGV[1]) == 1 and redis.call('EXISTS', KEYS[2 * i - 1]) == 1 then
                redis.call('INCRBY', KEYS[2 * i - 1], ARGV[1 + i])
              end
            end
            return 0
            """, Long.class);

    /** After a committed release in the database (cancel, close); a counter not loaded stays unloaded. */
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            for i = 1, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('INCRBY', KEYS[i], ARGV[i]) end
            end
            return 0
            """, Long.class);

    /** {1 if loaded else 0, counter, sum of in-flight units}, read atomically. */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> SNAPSHOT = new DefaultRedisScript<>("""
            local c = redis.call('GET', KEYS[1])
            local sum = 0
            local vals = redis.call('HVALS', KEYS[2])
            for _, v in ipairs(vals) do sum = sum + tonumber(string.match(v, '^(%d+)')) end
            if not c then return {0, 0, sum} end
            return {1, tonumber(c), sum}
            """, List.class);

    private static final DefaultRedisScript<Long> ADJUST = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;

    public StockCounters(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * The outcome of a pre-deduction: reserved; or refused because a SKU is short
     * ({@code shortSkuId}); or not tried because the replay marker was set. With the value the
     * watched key had at that instant (null when absent).
     */
    public record Reservation(boolean reserved, boolean replay, long shortSkuId, String watched) {
    }

    /**
     * Pre-deducts every line in one atomic step, or nothing. Counters not in Redis yet are loaded
     * from the database first ({@code SET NX}, so concurrent loaders agree).
     *
     * @param token the order number: the key of the in-flight entries
     * @param units SKU id -> units, in a stable order
     * @param dbStock reads a SKU's stock from the database
     * @param watchedKey a key read in the same atomic step (see {@link Reservation#watched()})
     * @param replayMarker a key whose presence means "do not reserve: this request was answered already"
     */
    public Reservation reserve(String token, Map<Long, Integer> units, LongFunction<Integer> dbStock, long nowMillis,
            String watchedKey, String replayMarker) {
        List<Long> skus = new ArrayList<>(units.keySet());
        List<String> keys = new ArrayList<>(skus.size() * 2 + 2);
        keys.add(watchedKey);
        keys.add(replayMarker);
        List<String> args = new ArrayList<>(skus.size() + 2);
        args.add(token);
        args.add(Long.toString(nowMillis));
        for (Long sku : skus) {
            keys.add(counterKey(sku));
            keys.add(inflightKey(sku));
            args.add(Integer.toString(units.get(sku)));
        }
        for (int attempt = 0; attempt <= skus.size(); attempt++) {
            List<?> reply = redis.execute(RESERVE, keys, args.toArray());
            int status = ((Number) reply.get(0)).intValue();
            int index = ((Number) reply.get(1)).intValue();
            String watched = reply.size() > 2 ? (String) reply.get(2) : null;
            switch (status) {
                case 0:
                    return new Reservation(true, false, 0, watched);
                case 1:
                    return new Reservation(false, false, skus.get(index - 1), watched);
                case 3:
                    return new Reservation(false, true, 0, watched);
                default:
                    long sku = skus.get(index - 1);
                    load(sku, dbStock.apply(sku));
            }
        }
        throw new IllegalStateException("stock counters could not be loaded");
    }

    /** The order committed: its reservation is now part of the database stock. */
    public void confirm(String token, Set<Long> skus) {
        confirm(List.of(token), skus, List.of(), Duration.ZERO);
    }

    /**
     * Orders committed together (one transaction of the order writer): their reservations on
     * {@code skus} are now part of the database stock, and their replay markers are set for
     * {@code markerTtl} — one round trip for the whole batch.
     */
    public void confirm(List<String> tokens, Set<Long> skus, List<String> replayMarkers, Duration markerTtl) {
        List<String> keys = new ArrayList<>(skus.size() + replayMarkers.size());
        skus.forEach(sku -> keys.add(inflightKey(sku)));
        keys.addAll(replayMarkers);
        List<String> args = new ArrayList<>(tokens.size() + 2);
        args.add(Integer.toString(skus.size()));
        args.add(Long.toString(markerTtl.toMillis()));
        args.addAll(tokens);
        redis.execute(CONFIRM, keys, args.toArray());
    }

    /** The order did not commit: the reserved units go back to the counters (once). */
    public void giveBack(String token, Map<Long, Integer> units) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        args.add(token);
        units.forEach((sku, qty) -> {
            keys.add(counterKey(sku));
            keys.add(inflightKey(sku));
            args.add(Integer.toString(qty));
        });
        redis.execute(GIVE_BACK, keys, args.toArray());
    }

    /** Units returned to the database stock by a committed cancel/close. */
    public void release(Map<Long, Integer> units) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        units.forEach((sku, qty) -> {
            keys.add(counterKey(sku));
            args.add(Integer.toString(qty));
        });
        redis.execute(RELEASE, keys, args.toArray());
    }

    void load(long sku, Integer stock) {
        if (stock == null) {
            stock = 0;
        }
        redis.opsForValue().setIfAbsent(counterKey(sku), Integer.toString(stock));
        redis.opsForSet().add(LOADED_SET, Long.toString(sku));
    }

    /** Forgets a counter, e.g. after a restock in the catalog: the next buyer reloads it from the database. */
    public void forget(long sku) {
        redis.delete(counterKey(sku));
    }

    /** The counter (null when not loaded) and the units in flight, read atomically. */
    public Snapshot snapshot(long sku) {
        List<?> values = redis.execute(SNAPSHOT, List.of(counterKey(sku), inflightKey(sku)));
        boolean loaded = ((Number) values.get(0)).longValue() == 1;
        return new Snapshot(loaded ? ((Number) values.get(1)).longValue() : null, ((Number) values.get(2)).longValue());
    }

    public record Snapshot(Long counter, long inflight) {
    }

    /** Shifts a counter by {@code delta} (relative, so it commutes with concurrent reservations). */
    void adjust(long sku, long delta) {
        redis.execute(ADJUST, List.of(counterKey(sku)), Long.toString(delta));
    }

    Set<String> loadedSkus() {
        return redis.opsForSet().members(LOADED_SET);
    }

    Map<Object, Object> inflight(long sku) {
        return redis.opsForHash().entries(inflightKey(sku));
    }

    static String counterKey(long sku) {
        return PREFIX + sku;
    }

    static String inflightKey(long sku) {
        return PREFIX + sku + ":inflight";
    }
}
