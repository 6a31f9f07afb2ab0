package cn.zhunong.mall.infra.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes an event row in the caller's transaction (DESIGN §2): the event exists exactly when the
 * change it announces was committed. {@link OutboxRelay} publishes it later.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String eventType, String aggregateType, long aggregateId, Map<String, ?> payload) {
        jdbc.update("INSERT INTO outbox_event (event_type, aggregate_type, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                eventType, aggregateType, aggregateId, json.writeValueAsString(payload), Timestamp.from(clock.instant()));
    }
}
