package cn.zhunong.mall.ledger.intake;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stream helpers for intake tests: publish events as the relay does, find them, wait until a group handled them. */
public final class IntakeStreams {

    static final String STREAM = "zhunong:events";
    static final String GROUP = "ledger";
    static final Duration WAIT = Duration.ofSeconds(60);

    private final StringRedisTemplate redis;
    private final JdbcTemplate jdbc;

    public IntakeStreams(StringRedisTemplate redis, JdbcTemplate jdbc) {
        this.redis = redis;
        this.jdbc = jdbc;
    }

    static Map<String, String> event(long eventId, String type, String aggregateType, long aggregateId, String payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventId", Long.toString(eventId));
        fields.put("type", type);
        fields.put("aggregateType", aggregateType);
        fields.put("aggregateId", Long.toString(aggregateId));
        fields.put("payload", payload);
        fields.put("createdAt", Instant.now().toString());
        return fields;
    }

    RecordId add(String stream, Map<String, String> fields) {
        return redis.opsForStream().add(MapRecord.create(stream, fields));
    }

    RecordId add(Map<String, String> fields) {
        return add(STREAM, fields);
    }

    /** The stream entry the relay published for an outbox event (waits for the relay). */
    public MapRecord<String, Object, Object> published(String type, long aggregateId) {
        Long eventId = await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT id FROM outbox_event WHERE event_type = ? "
                + "AND aggregate_id = ? AND published_at IS NOT NULL", Long.class, type, aggregateId).stream().findFirst()
                .orElse(null), id -> id != null);
        List<MapRecord<String, Object, Object>> recent = redis.opsForStream().reverseRange(STREAM, Range.unbounded(),
                org.springframework.data.redis.connection.Limit.limit().count(5000));
        return recent.stream().filter(r -> eventId.toString().equals(r.getValue().get("eventId"))).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " is not on the stream"));
    }

    /** Waits until the ledger group has delivered this entry and acknowledged it. */
    public void awaitAcknowledged(RecordId id) {
        await().atMost(WAIT).until(() -> delivered(STREAM, GROUP, id) && !pending(STREAM, GROUP, id));
    }

    /** Waits until the ledger group has delivered this entry; returns whether it is still pending. */
    boolean awaitDelivered(RecordId id) {
        await().atMost(WAIT).until(() -> delivered(STREAM, GROUP, id));
        return pending(STREAM, GROUP, id);
    }

    boolean delivered(String stream, String group, RecordId id) {
        StreamInfo.XInfoGroups groups = redis.opsForStream().groups(stream);
        return groups.stream().filter(g -> g.groupName().equals(group)).anyMatch(g -> compare(g.lastDeliveredId(), id.getValue()) >= 0);
    }

    boolean pending(String stream, String group, RecordId id) {
        PendingMessages pending = redis.opsForStream().pending(stream, group, Range.closed(id.getValue(), id.getValue()), 1);
        return !pending.isEmpty();
    }

    long pendingCount(String stream, String group) {
        return redis.opsForStream().pending(stream, group).getTotalPendingMessages();
    }

    private static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int c = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return c != 0 ? c : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
