package cn.zhunong.live.room;

import cn.zhunong.live.fanout.BusMessage;
import cn.zhunong.live.fanout.ClusterBus;
import cn.zhunong.live.stats.NodeIdentity;
import cn.zhunong.live.stats.RoomStats;
import cn.zhunong.live.stats.SessionSales;
import cn.zhunong.live.store.RoomEvent;
import cn.zhunong.live.store.RoomEventWriter;
import cn.zhunong.live.store.SessionMetricsStore;
import cn.zhunong.live.store.SessionMetricsStore.SessionSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The end of a session: the summary (peak and unique viewers, likes, chats) is computed from the
 * room's Redis counters, stored in {@code live_session_metrics}, kept in Redis for late joiners and
 * broadcast as {@code session_ended}. Triggered by the host's {@code end} event or by a
 * LIVE_SESSION_ENDED event from mall-api; ending twice returns the first summary.
 */
@Component
public class SessionLifecycle {

    private final StringRedisTemplate redis;
    private final RoomStats stats;
    private final SessionMetricsStore metrics;
    private final RoomEventWriter writer;
    private final ClusterBus bus;
    private final NodeIdentity node;
    private final LocalRooms rooms;
    private final ObjectMapper json;
    private final SessionSales sales;

    public SessionLifecycle(StringRedisTemplate redis, RoomStats stats, SessionMetricsStore metrics, RoomEventWriter writer,
            ClusterBus bus, NodeIdentity node, LocalRooms rooms, ObjectMapper json, SessionSales sales) {
        this.sales = sales;
        this.redis = redis;
        this.stats = stats;
        this.metrics = metrics;
        this.writer = writer;
        this.bus = bus;
        this.node = node;
        this.rooms = rooms;
        this.json = json;
    }

    public SessionSummary summary(long sessionId) {
        String stored = redis.opsForValue().get(RoomKeys.summary(sessionId));
        if (stored != null) {
            return json.readValue(stored, SessionSummary.class);
        }
        return metrics.find(sessionId);
    }

    public SessionSummary end(long sessionId, Long actorUserId, String actorName, String actorRole) {
        SessionSummary existing = summary(sessionId);
        if (existing != null) {
            return existing;
        }
        flushLocalCounters(sessionId);
        RoomStats.Snapshot snapshot = stats.read(sessionId);
        long now = System.currentTimeMillis();
        SessionSales.Sales sold = sales.read(sessionId, snapshot.unique());
        SessionSummary summary = new SessionSummary(sessionId, snapshot.peak(), snapshot.unique(), snapshot.likes(),
                snapshot.chats(), stats.startedAt(sessionId), now, sold.orders(), sold.gmvFen(), sold.buyers(),
                sold.conversion(), sold.gpmFen());
        // stored first (an idempotent upsert): if the database is down the end fails and can be retried
        metrics.save(summary);
        Boolean first = redis.opsForValue().setIfAbsent(RoomKeys.summary(sessionId), json.writeValueAsString(summary),
                Duration.ofSeconds(RoomKeys.STATE_TTL_SECONDS));
        if (!Boolean.TRUE.equals(first)) {
            return summary(sessionId); // another node ended it at the same moment
        }
        // until mall-api ends sessions itself, the host's end event closes the session in its hash too
        redis.opsForHash().put(RoomKeys.session(sessionId), "status", SessionInfo.ENDED);
        writer.offer(new RoomEvent(node.nextId(), sessionId, RoomEvent.END, actorUserId, actorName, actorRole, null, null,
                null, null, json.writeValueAsString(summary), Instant.ofEpochMilli(now)));
        BusMessage message = bus.message(BusMessage.EVENT);
        bus.publish(sessionId, new BusMessage(message.origin(), BusMessage.EVENT, SessionEvents.SESSION_ENDED, null, null,
                null, json.valueToTree(summary)));
        return summary;
    }

    /**
     * An order of an ended session was paid (buyers have 30 minutes): the stored summary takes the
     * new sales figures. Nothing to do while the session runs (the live figures are read from Redis).
     */
    public void salesChanged(long sessionId) {
        SessionSummary summary = summary(sessionId);
        if (summary == null) {
            return;
        }
        SessionSales.Sales sold = sales.read(sessionId, summary.uniqueViewers());
        SessionSummary updated = summary.withSales(sold.orders(), sold.gmvFen(), sold.buyers(), sold.conversion(),
                sold.gpmFen());
        metrics.save(updated);
        redis.opsForValue().setIfPresent(RoomKeys.summary(sessionId), json.writeValueAsString(updated),
                Duration.ofSeconds(RoomKeys.STATE_TTL_SECONDS));
    }

    /** This node's likes and chats not yet added to Redis go in now, so the summary includes them. */
    private void flushLocalCounters(long sessionId) {
        LocalRoom room = rooms.room(sessionId);
        if (room != null) {
            stats.tick(sessionId, room.size(), room.likesDelta.getAndSet(0), room.chatsDelta.getAndSet(0));
        }
    }

    public Map<String, Object> toMap(SessionSummary summary) {
        return json.convertValue(summary, Map.class);
    }
}
