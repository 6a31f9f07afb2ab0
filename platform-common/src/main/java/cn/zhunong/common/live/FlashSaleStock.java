package cn.zhunong.common.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * The stock of in-room flash sales (秒杀), shared by both servers: live-room starts and ends a
 * sale (the host's event) and watches its remaining units; mall-api takes a unit when a buyer
 * orders and gives it back when that order does not happen or is closed unpaid. Every change is
 * one Lua script, so a sale is never oversold and each buyer's limit holds across any number of
 * mall-api instances. This is a pre-deduction only: the SKU's real stock is still reserved by the
 * order in the database.
 *
 * <p>Keys (all defined here, nowhere else):
 * <ul>
 * <li>{@code live:flash:<id>} hash: the sale ({@link FlashSale} fields, status ACTIVE|ENDED)</li>
 * <li>{@code live:flash:<id>:stock} remaining units</li>
 * <li>{@code live:flash:<id>:buyers} hash userId → units held</li>
 * <li>{@code live:flash:<id>:orders} hash order token → "userId:units" (what a give-back returns)</li>
 * <li>{@code live:session:<sessionId>:flash} the id of the session's latest sale</li>
 * </ul>
 * Keys expire {@link #KEEP_AFTER_END} after the sale's end, long enough for unpaid orders to close.
 * Redis must not evict them (maxmemory-policy noeviction), as for the order stock counters.
 */
public class FlashSaleStock {

    public static final Duration KEEP_AFTER_END = Duration.ofDays(2);
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    /** The outcome of {@link #take}. */
    public enum Outcome {
        TAKEN, NOT_FOUND, ENDED, LIMIT_REACHED, SOLD_OUT
    }

    public record Take(Outcome outcome, long remaining) {
    }

    /** {code, remaining}: 0 taken, -1 no such sale, -2 ended, -3 the buyer's limit, -4 sold out. */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> TAKE = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, 0} end
            local f = redis.call('HMGET', KEYS[1], 'status', 'endsAt', 'perUserLimit')
            local rem = tonumber(redis.call('GET', KEYS[2]) or '0')
            if f[1] ~= 'ACTIVE' or tonumber(ARGV[4]) >= tonumber(f[2]) then return {-2, rem} end
            local qty = tonumber(ARGV[2])
            local held = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
            if held + qty > tonumber(f[3]) then return {-3, rem} end
            if rem < qty then return {-4, rem} end
            rem = redis.call('DECRBY', KEYS[2], qty)
            redis.call('HINCRBY', KEYS[3], ARGV[1], qty)
            redis.call('HSET', KEYS[4], ARGV[3], ARGV[1] .. ':' .. qty)
            local ttl = redis.call('TTL', KEYS[1])
            if ttl > 0 then
              redis.call('EXPIRE', KEYS[3], ttl)
              redis.call('EXPIRE', KEYS[4], ttl)
            end
            return {0, rem}
            """, List.class);

    /** Once per token: the units go back to the sale and to the buyer's limit. */
    private static final DefaultRedisScript<Long> GIVE_BACK = new DefaultRedisScript<>("""
            local v = redis.call('HGET', KEYS[3], ARGV[1])
            if not v then return 0 end
            redis.call('HDEL', KEYS[3], ARGV[1])
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local sep = string.find(v, ':', 1, true)
            local user, qty = string.sub(v, 1, sep - 1), tonumber(string.sub(v, sep + 1))
            redis.call('INCRBY', KEYS[1], qty)
            if redis.call('HINCRBY', KEYS[2], user, -qty) <= 0 then redis.call('HDEL', KEYS[2], user) end
            return 1
            """, Long.class);

    /**
     * Creates a sale unless the session's latest one still runs (active, not past its end, units
     * left): returns 0, or the id of the running sale. KEYS: hash, stock, session pointer; ARGV: id,
     * units, ttl seconds, now, then field/value pairs. Reads the running sale's keys by name (fine
     * on standalone/Sentinel Redis; a Cluster would need one hash tag per session).
     */
    private static final DefaultRedisScript<Long> CREATE = new DefaultRedisScript<>("""
            local cur = redis.call('GET', KEYS[3])
            if cur then
              local s = redis.call('HMGET', 'live:flash:' .. cur, 'status', 'endsAt')
              local left = tonumber(redis.call('GET', 'live:flash:' .. cur .. ':stock') or '0')
              if s[1] == 'ACTIVE' and tonumber(s[2]) > tonumber(ARGV[4]) and left > 0 then return tonumber(cur) end
            end
            for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('SET', KEYS[2], ARGV[2])
            redis.call('SET', KEYS[3], ARGV[1])
            for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
            return 0
            """, Long.class);

    /** ACTIVE → ENDED; 1 when this call ended it. */
    private static final DefaultRedisScript<Long> END = new DefaultRedisScript<>("""
            if redis.call('HGET', KEYS[1], 'status') ~= 'ACTIVE' then return 0 end
            redis.call('HSET', KEYS[1], 'status', 'ENDED', 'endedAt', ARGV[1])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    public FlashSaleStock(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public static String sale(long id) {
        return "live:flash:" + id;
    }

    public static String stock(long id) {
        return sale(id) + ":stock";
    }

    public static String buyers(long id) {
        return sale(id) + ":buyers";
    }

    public static String orders(long id) {
        return sale(id) + ":orders";
    }

    public static String latestOfSession(long sessionId) {
        return "live:session:" + sessionId + ":flash";
    }

    /** @return 0 when created, else the id of the session's sale that still runs */
    public long create(FlashSale sale, long nowMillis) {
        long ttl = Math.max(60, (sale.endsAt() - nowMillis) / 1000) + KEEP_AFTER_END.toSeconds();
        List<String> args = new ArrayList<>();
        args.add(Long.toString(sale.id()));
        args.add(Integer.toString(sale.units()));
        args.add(Long.toString(ttl));
        args.add(Long.toString(nowMillis));
        sale.toFields().forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        Long running = redis.execute(CREATE, List.of(sale(sale.id()), stock(sale.id()), latestOfSession(sale.sessionId())),
                args.toArray());
        return running == null ? 0 : running;
    }

    /** Takes {@code quantity} units for a buyer; {@code token} (the order number) is what a give-back names. */
    public Take take(long saleId, long userId, int quantity, String token, long nowMillis) {
        List<?> result = redis.execute(TAKE, List.of(sale(saleId), stock(saleId), buyers(saleId), orders(saleId)),
                Long.toString(userId), Integer.toString(quantity), token, Long.toString(nowMillis));
        long code = ((Number) result.get(0)).longValue();
        long remaining = ((Number) result.get(1)).longValue();
        Outcome outcome = switch ((int) code) {
            case 0 -> Outcome.TAKEN;
            case -1 -> Outcome.NOT_FOUND;
            case -2 -> Outcome.ENDED;
            case -3 -> Outcome.LIMIT_REACHED;
            default -> Outcome.SOLD_OUT;
        };
        return new Take(outcome, remaining);
    }

    /** Returns the units taken under {@code token}; false when there were none (or already returned). */
    public boolean giveBack(long saleId, String token) {
        Long done = redis.execute(GIVE_BACK, List.of(stock(saleId), buyers(saleId), orders(saleId)), token);
        return done != null && done == 1;
    }

    /** Ends a running sale early; true when this call ended it. */
    public boolean end(long saleId, long nowMillis) {
        Long done = redis.execute(END, List.of(sale(saleId)), Long.toString(nowMillis));
        return done != null && done == 1;
    }

    public FlashSale find(long saleId) {
        Map<Object, Object> fields = redis.opsForHash().entries(sale(saleId));
        return fields.isEmpty() ? null : FlashSale.fromFields(fields);
    }

    public Long latestId(long sessionId) {
        String id = redis.opsForValue().get(latestOfSession(sessionId));
        return id == null ? null : Long.valueOf(id);
    }

    public long remaining(long saleId) {
        String value = redis.opsForValue().get(stock(saleId));
        return value == null ? 0 : Long.parseLong(value);
    }

    /**
     * Marks a one-time fact of a sale (e.g. that its end was recorded); true for the first caller
     * only, so one node of many records it.
     */
    public boolean markOnce(long saleId, String fact, long nowMillis) {
        return Boolean.TRUE.equals(redis.opsForHash().putIfAbsent(sale(saleId), fact, Long.toString(nowMillis)));
    }

    /**
     * A flash sale.
     *
     * @param regularPriceFen the SKU's price when the sale started (for the "was" price)
     * @param startsAt epoch ms
     * @param endsAt epoch ms: no unit is taken from then on
     * @param status ACTIVE or ENDED (ended early by the host); a sale past endsAt is over whatever its status
     */
    public record FlashSale(long id, long sessionId, long streamerId, long skuId, String productName, String unitName,
            long priceFen, long regularPriceFen, int units, int perUserLimit, long startsAt, long endsAt, String status) {

        public boolean runningAt(long nowMillis) {
            return ACTIVE.equals(status) && nowMillis < endsAt;
        }

        Map<String, String> toFields() {
            Map<String, String> fields = new HashMap<>();
            fields.put("id", Long.toString(id));
            fields.put("sessionId", Long.toString(sessionId));
            fields.put("streamerId", Long.toString(streamerId));
            fields.put("skuId", Long.toString(skuId));
            fields.put("productName", productName);
            fields.put("unitName", unitName);
            fields.put("priceFen", Long.toString(priceFen));
            fields.put("regularPriceFen", Long.toString(regularPriceFen));
            fields.put("units", Integer.toString(units));
            fields.put("perUserLimit", Integer.toString(perUserLimit));
            fields.put("startsAt", Long.toString(startsAt));
            fields.put("endsAt", Long.toString(endsAt));
            fields.put("status", status);
            return fields;
        }

        static FlashSale fromFields(Map<Object, Object> f) {
            return new FlashSale(num(f, "id"), num(f, "sessionId"), num(f, "streamerId"), num(f, "skuId"),
                    String.valueOf(f.get("productName")), String.valueOf(f.get("unitName")), num(f, "priceFen"),
                    num(f, "regularPriceFen"), (int) num(f, "units"), (int) num(f, "perUserLimit"), num(f, "startsAt"),
                    num(f, "endsAt"), String.valueOf(f.get("status")));
        }

        private static long num(Map<Object, Object> fields, String name) {
            Object value = fields.get(name);
            return value == null ? 0 : Long.parseLong(value.toString());
        }
    }
}
