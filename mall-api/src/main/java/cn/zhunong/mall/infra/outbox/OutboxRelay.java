package cn.zhunong.mall.infra.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes unpublished outbox rows to the Redis Stream and stamps them, oldest first. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work. A crash after
 * XADD and before the commit publishes the row again on the next run: consumers get each event at
 * least once and de-duplicate by its {@code eventId}.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;
    private final TransactionTemplate tx;
    private final OutboxProperties properties;
    private final Clock clock;

    public OutboxRelay(JdbcTemplate jdbc, StringRedisTemplate redis, TransactionTemplate tx, OutboxProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${zhunong.outbox.relay-delay}", initialDelayString = "${zhunong.outbox.relay-delay}")
    public void scheduled() {
        try {
            relayAll();
        } catch (RuntimeException e) {
            log.warn("Outbox relay run failed; will retry: {}", e.toString());
        }
    }

    /** Publishes until nothing is left; returns how many rows were published. */
    public int relayAll() {
        int total = 0;
        int published;
        do {
            published = tx.execute(status -> relayBatch());
            total += published;
        } while (published == properties.batchSize());
        return total;
    }

    private int relayBatch() {
        List<Map<String, String>> rows = jdbc.query(
                "SELECT id, event_type, aggregate_type, aggregate_id, payload, created_at FROM outbox_event "
                        + "WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                (rs, n) -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("eventId", Long.toString(rs.getLong("id")));
                    fields.put("type", rs.getString("event_type"));
                    fields.put("aggregateType", rs.getString("aggregate_type"));
                    fields.put("aggregateId", Long.toString(rs.getLong("aggregate_id")));
                    fields.put("payload", rs.getString("payload"));
                    fields.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
                    return fields;
                }, properties.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        List<Object> ids = new ArrayList<>();
        XAddOptions options = XAddOptions.maxlen(properties.maxStreamLength()).approximateTrimming(true);
        for (Map<String, String> fields : rows) {
            redis.opsForStream().add(MapRecord.create(properties.stream(), fields), options);
            ids.add(Long.valueOf(fields.get("eventId")));
        }
        jdbc.update("UPDATE outbox_event SET published_at = ? WHERE id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                concat(Timestamp.from(clock.instant()), ids));
        return rows.size();
    }

    private static Object[] concat(Object first, List<Object> rest) {
        Object[] all = new Object[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }
}
