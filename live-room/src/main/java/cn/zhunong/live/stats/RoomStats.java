package cn.zhunong.live.stats;

import cn.zhunong.live.config.LiveProperties;
import cn.zhunong.live.room.RoomKeys;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * A room's counters in Redis, correct across nodes. Online: each node writes how many viewers it
 * serves into the room's hash (field = node id) once a second; the total counts only nodes whose
 * heartbeat key still exists, so a crashed node's viewers drop out within the heartbeat TTL (and its
 * field is removed). Peak: the highest total any node computed. Unique viewers: a HyperLogLog.
 * Likes and chats: counters incremented with each node's deltas, once a second. The script reads
 * node heartbeat keys it is not given as KEYS: fine on a standalone or Sentinel Redis; a Redis
 * Cluster would need the room's keys and the node keys under one hash tag.
 */
@Component
public class RoomStats {

    private static final DefaultRedisScript<List> TICK = new DefaultRedisScript<>("""
            local online_key, stats_key, uv_key, session_key = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
            local node, count, likes, chats, node_prefix, ttl, now = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7]
            if count > 0 then redis.call('HSET', online_key, node, count) else redis.call('HDEL', online_key, node) end
            local online = 0
            local entries = redis.call('HGETALL', online_key)
            for i = 1, #entries, 2 do
              if redis.call('EXISTS', node_prefix .. entries[i]) == 1 then
                online = online + tonumber(entries[i + 1])
              else
                redis.call('HDEL', online_key, entries[i])
              end
            end
            if likes > 0 then redis.call('HINCRBY', stats_key, 'likes', likes) end
            if chats > 0 then redis.call('HINCRBY', stats_key, 'chats', chats) end
            redis.call('HSETNX', stats_key, 'startedAt', now)
            local peak = tonumber(redis.call('HGET', stats_key, 'peak') or '0')
            if online > peak then
              peak = online
              redis.call('HSET', stats_key, 'peak', peak)
            end
            redis.call('EXPIRE', online_key, ttl)
            redis.call('EXPIRE', stats_key, ttl)
            redis.call('EXPIRE', uv_key, ttl)
            local session = redis.call('HMGET', session_key, 'status', 'streamerId')
            return {tostring(online), tostring(peak), tostring(redis.call('PFCOUNT', uv_key)),
                    redis.call('HGET', stats_key, 'likes') or '0', redis.call('HGET', stats_key, 'chats') or '0',
                    session[1] or '', session[2] or ''}
            """, List.class);

    private final StringRedisTemplate redis;
    private final NodeIdentity node;
    private final Duration nodeTtl;

    public RoomStats(StringRedisTemplate redis, NodeIdentity node, LiveProperties properties) {
        this.redis = redis;
        this.node = node;
        this.nodeTtl = properties.node().ttl();
    }

    /** This node's share and deltas in, the room's totals (and the session's status) out. */
    public Tick tick(long sessionId, int localOnline, long likesDelta, long chatsDelta) {
        @SuppressWarnings("unchecked")
        List<Object> result = redis.execute(TICK,
                List.of(RoomKeys.online(sessionId), RoomKeys.stats(sessionId), RoomKeys.uniqueViewers(sessionId),
                        RoomKeys.session(sessionId)),
                node.id(), Integer.toString(localOnline), Long.toString(likesDelta), Long.toString(chatsDelta),
                RoomKeys.node(""), Long.toString(RoomKeys.STATE_TTL_SECONDS), Long.toString(System.currentTimeMillis()));
        if (result == null || result.size() < 7) {
            throw new IllegalStateException("stats script returned " + result);
        }
        Snapshot snapshot = new Snapshot(sessionId, num(result.get(0)), num(result.get(1)), num(result.get(2)),
                num(result.get(3)), num(result.get(4)));
        String status = String.valueOf(result.get(5));
        String streamer = String.valueOf(result.get(6));
        return new Tick(snapshot, status.isEmpty() ? null : status, streamer.isEmpty() ? null : Long.valueOf(streamer));
    }

    public void recordViewer(long sessionId, String uniqueKey) {
        redis.opsForHyperLogLog().add(RoomKeys.uniqueViewers(sessionId), uniqueKey);
        redis.expire(RoomKeys.uniqueViewers(sessionId), Duration.ofSeconds(RoomKeys.STATE_TTL_SECONDS));
    }

    public void heartbeat() {
        redis.opsForValue().set(RoomKeys.node(node.id()), "1", nodeTtl);
    }

    /** On a clean shutdown: this node's viewers stop counting at once. */
    public void leaveAll(Iterable<Long> sessionIds) {
        for (long sessionId : sessionIds) {
            redis.opsForHash().delete(RoomKeys.online(sessionId), node.id());
        }
        redis.delete(RoomKeys.node(node.id()));
    }

    /** The room's counters as they are now, for the metrics endpoint and the end-of-session summary. */
    public Snapshot read(long sessionId) {
        Map<Object, Object> online = redis.opsForHash().entries(RoomKeys.online(sessionId));
        long total = 0;
        for (Map.Entry<Object, Object> entry : online.entrySet()) {
            if (Boolean.TRUE.equals(redis.hasKey(RoomKeys.node(entry.getKey().toString())))) {
                total += Long.parseLong(entry.getValue().toString());
            }
        }
        Map<Object, Object> stats = new HashMap<>(redis.opsForHash().entries(RoomKeys.stats(sessionId)));
        Long unique = redis.opsForHyperLogLog().size(RoomKeys.uniqueViewers(sessionId));
        return new Snapshot(sessionId, total, Math.max(total, num(stats.get("peak"))), unique == null ? 0 : unique,
                num(stats.get("likes")), num(stats.get("chats")));
    }

    /** When the room first saw activity (epoch ms), or null. */
    public Long startedAt(long sessionId) {
        Object value = redis.opsForHash().get(RoomKeys.stats(sessionId), "startedAt");
        return value == null ? null : Long.valueOf(value.toString());
    }

    private static long num(Object value) {
        if (value == null) {
            return 0;
        }
        String text = value.toString();
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    public record Snapshot(long sessionId, long online, long peak, long unique, long likes, long chats) {
    }

    public record Tick(Snapshot snapshot, String status, Long streamerId) {
    }
}
