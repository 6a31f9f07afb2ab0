package cn.zhunong.live.stats;

import cn.zhunong.live.room.RoomKeys;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * Orders, GMV and buyers of a session, from the ORDER_PAID events attributed to it. An order counts
 * once: its id goes into a set in the same script that adds its amount, so a redelivered event or
 * one claimed by another node after a crash changes nothing.
 */
@Component
public class SessionSales {

    private static final DefaultRedisScript<Long> RECORD = new DefaultRedisScript<>("""
            if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
            redis.call('SADD', KEYS[2], ARGV[2])
            redis.call('HINCRBY', KEYS[3], 'orders', 1)
            redis.call('HINCRBY', KEYS[3], 'gmvFen', ARGV[3])
            for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[4]) end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    public SessionSales(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** @return true when this order was new to the session */
    public boolean record(long sessionId, long orderId, long userId, long paidFen) {
        Long added = redis.execute(RECORD, List.of(RoomKeys.paidOrders(sessionId), RoomKeys.buyers(sessionId),
                RoomKeys.sales(sessionId)), Long.toString(orderId), Long.toString(userId), Long.toString(paidFen),
                Long.toString(RoomKeys.STATE_TTL_SECONDS));
        return added != null && added == 1;
    }

    public Sales read(long sessionId, long uniqueViewers) {
        List<Object> values = redis.opsForHash().multiGet(RoomKeys.sales(sessionId), List.of("orders", "gmvFen"));
        Long buyers = redis.opsForSet().size(RoomKeys.buyers(sessionId));
        return Sales.of(num(values.get(0)), num(values.get(1)), buyers == null ? 0 : buyers, uniqueViewers);
    }

    private static long num(Object value) {
        return value == null ? 0 : Long.parseLong(value.toString());
    }

    /**
     * @param conversion buyers ÷ unique viewers (6 decimals; 0 without viewers)
     * @param gpmFen GMV per 1,000 unique viewers, in fen (rounded half up; 0 without viewers)
     */
    public record Sales(long orders, long gmvFen, long buyers, BigDecimal conversion, long gpmFen) {

        public static Sales of(long orders, long gmvFen, long buyers, long uniqueViewers) {
            if (uniqueViewers <= 0) {
                return new Sales(orders, gmvFen, buyers, BigDecimal.ZERO.setScale(6), 0);
            }
            BigDecimal viewers = BigDecimal.valueOf(uniqueViewers);
            BigDecimal conversion = BigDecimal.valueOf(buyers).divide(viewers, 6, RoundingMode.HALF_UP);
            long gpm = BigDecimal.valueOf(gmvFen).multiply(BigDecimal.valueOf(1000)).divide(viewers, 0, RoundingMode.HALF_UP)
                    .longValueExact();
            return new Sales(orders, gmvFen, buyers, conversion, gpm);
        }
    }
}
