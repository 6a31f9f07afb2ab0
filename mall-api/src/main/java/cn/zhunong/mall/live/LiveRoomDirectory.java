package cn.zhunong.mall.live;

import java.time.Duration;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells live-room who hosts a session and whether it is on air: the Redis hash
 * {@code live:session:<id>} {streamerId, villageId, status}. live-room reads it to decide who may
 * send host events; it never writes it. Ended sessions keep the hash a while for late clients.
 */
@Component
public class LiveRoomDirectory {

    private static final Duration KEEP_AFTER_END = Duration.ofDays(2);

    private final StringRedisTemplate redis;

    public LiveRoomDirectory(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void publish(LiveSession session, LiveSessionStatus status) {
        String key = "live:session:" + session.getId();
        redis.opsForHash().putAll(key, Map.of(
                "streamerId", session.getStreamerId().toString(),
                "villageId", session.getVillageId().toString(),
                "status", status.name()));
        if (status == LiveSessionStatus.ENDED || status == LiveSessionStatus.CANCELLED) {
            redis.expire(key, KEEP_AFTER_END);
        } else {
            redis.persist(key);
        }
    }
}
