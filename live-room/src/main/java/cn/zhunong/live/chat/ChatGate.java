package cn.zhunong.live.chat;

import cn.zhunong.live.config.LiveProperties;
import cn.zhunong.live.room.RoomKeys;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * Whether a user may send a chat message now, in one Redis round trip: not muted in the room, and
 * under the per-user limit (fixed window, shared by every node and room, so a second socket or a
 * second node does not double the allowance).
 */
@Component
public class ChatGate {

    private static final DefaultRedisScript<List> GATE = new DefaultRedisScript<>("""
            local muted_until = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if muted_until and tonumber(muted_until) > tonumber(ARGV[2]) then
              return {1, tonumber(muted_until)}
            end
            local n = redis.call('INCR', KEYS[2])
            if n == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
            if n > tonumber(ARGV[3]) then
              return {2, redis.call('PTTL', KEYS[2])}
            end
            return {0, n}
            """, List.class);

    private final StringRedisTemplate redis;
    private final int limit;
    private final long windowMillis;

    public ChatGate(StringRedisTemplate redis, LiveProperties properties) {
        this.redis = redis;
        this.limit = properties.chat().rateLimit();
        this.windowMillis = properties.chat().rateWindow().toMillis();
    }

    public Verdict check(long sessionId, long userId) {
        @SuppressWarnings("unchecked")
        List<Object> result = redis.execute(GATE, List.of(RoomKeys.muted(sessionId), RoomKeys.chatRate(userId)),
                Long.toString(userId), Long.toString(System.currentTimeMillis()), Integer.toString(limit),
                Long.toString(windowMillis));
        long outcome = ((Number) result.get(0)).longValue();
        long value = ((Number) result.get(1)).longValue();
        return new Verdict(outcome == 1, outcome == 2, value);
    }

    /** @param value muted until (epoch ms) when muted; milliseconds until the window resets when limited */
    public record Verdict(boolean muted, boolean limited, long value) {
        public boolean allowed() {
            return !muted && !limited;
        }
    }
}
