package cn.zhunong.mall.order.stock;

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
 * script over several SKUs' keys (and the catalog version key); on Redis Cluster they would need a
 * common hash tag.
 */
@Component
public class StockCounters {

    static final String PREFIX = "zhunong:stock:";
    static final String LOADED_SET = "zhunong:stock:skus";

    /**
     * {code, watched}: code 0 = reserved; i > 0 = SKU number i has too few units; -i = SKU number i
     * is not loaded yet. With an odd number of keys the last one is a watched key whose value
     * (false when absent) is read in the same atomic step.
     */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> RESERVE = new DefaultRedisScript<>("""
            local n = math.floor(#KEYS / 2)
            local watched = false
            if #KEYS > 2 * n then watched = redis.call('GET', KEYS[#KEYS]) end
            for i = 1, n do
              local c = redis.call('GET', KEYS[2 * i - 1])
              if not c then return {-i, watched} end
              if tonumber(c) < tonumber(ARGV[2 + i]) then return {i, watched} end
            end
            for i = 1, n do
              redis.call('DECRBY', KEYS[2 * i - 1], ARGV[2 + i])
              redis.call('HSET', KEYS[2 * i], ARGV[1], ARGV[2 + i] .. ':' .. ARGV[2])
            end
            return {0, watched}
            """, List.class);

    /** Removes the in-flight entries of every order in ARGV from every SKU in KEYS (absent ones are no-ops). */
    private static final DefaultRedisScript<Long> CONFIRM = new DefaultRedisScript<>("""
            for i = 1, #KEYS do redis.call('HDEL', KEYS[i], unpack(ARGV)) end
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
     * The outcome of a pre-deduction: reserved, or the SKU that is short; and the value the watched
     * key had at that instant (null when absent or not asked for).
     */
    public record Reservation(boolean reserved, long shortSkuId, String watched) {
    }

    /**
     * Pre-deducts every line in one atomic step, or nothing. Counters not in Redis yet are loaded
     * from the database first ({@code SET NX}, so concurrent loaders agree).
     *
     * @param token the order number: the key of the in-flight entries
     * @param units SKU id -> units, in a stable order
     * @param dbStock reads a SKU's stock from the database
     * @param watchedKey null, or a key read in the same atomic step (see {@link Reservation#watched()})
     */
    public Reservation reserve(String token, Map<Long, Integer> units, LongFunction<Integer> dbStock, long nowMillis,
            String watchedKey) {
        List<Long> skus = new ArrayList<>(units.keySet());
        List<String> keys = new ArrayList<>(skus.size() * 2 + 1);
        List<String> args = new ArrayList<>(skus.size() + 2);
        args.add(token);
        args.add(Long.toString(nowMillis));
        for (Long sku : skus) {
            keys.add(counterKey(sku));
            keys.add(inflightKey(sku));
            args.add(Integer.toString(units.get(sku)));
        }
        if (watchedKey != null) {
            keys.add(watchedKey);
        }
        for (int attempt = 0; attempt <= skus.size(); attempt++) {
            List<?> reply = redis.execute(RESERVE, keys, args.toArray());
            long result = ((Number) reply.get(0)).longValue();
            String watched = reply.size() > 1 ? (String) reply.get(1) : null;
            if (result == 0) {
                return new Reservation(true, 0, watched);
            }
            if (result > 0) {
                return new Reservation(false, skus.get((int) result - 1), watched);
            }
            long sku = skus.get((int) -result - 1);
            load(sku, dbStock.apply(sku));
        }
        throw new IllegalStateException("stock counters could not be loaded");
    }

    /** The order committed: its reservation is now part of the database stock. */
    public void confirm(String token, Set<Long> skus) {
        confirm(List.of(token), skus);
    }

    /**
     * Orders committed together (one transaction of the order writer): their reservations on
     * {@code skus} are now part of the database stock — one round trip for the whole batch.
     */
    public void confirm(List<String> tokens, Set<Long> skus) {
        List<String> keys = skus.stream().map(StockCounters::inflightKey).toList();
        redis.execute(CONFIRM, keys, tokens.toArray());
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
