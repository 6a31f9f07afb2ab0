package cn.zhunong.mall.order;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Redis markers of Idempotency-Keys whose order is committed, so that checkout needs no database
 * lookup to tell a new request from a replay. The order writer sets them after the commit; the
 * stock reservation script reads them. They only save work: the database's unique key on
 * (user, Idempotency-Key) stays the rule, so a missing or expired marker costs a replay some work
 * but never creates a second order. The TTL bounds their memory: retries come within minutes.
 */
@Component
public class ReplayMarkers {

    private static final String PREFIX = "zhunong:order:replay:";

    private final StringRedisTemplate redis;
    private final Duration ttl;

    public ReplayMarkers(StringRedisTemplate redis, @Value("${zhunong.orders.replay-marker-ttl}") Duration ttl) {
        if (ttl.toMillis() <= 0) {
            throw new IllegalArgumentException("zhunong.orders.replay-marker-ttl must be positive");
        }
        this.redis = redis;
        this.ttl = ttl;
    }

    public static String key(long userId, String idempotencyKey) {
        return PREFIX + userId + ':' + idempotencyKey;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Drops a marker that has no order behind it (Redis kept while the database was restored). */
    public void forget(long userId, String idempotencyKey) {
        redis.delete(key(userId, idempotencyKey));
    }
}
