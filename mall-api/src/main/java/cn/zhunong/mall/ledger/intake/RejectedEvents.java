package cn.zhunong.mall.ledger.intake;

import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Parked events (ledger_rejected_event): written once per stream entry and subject, so a
 * redelivery of the same entry does not add a row; listed for admins and retried by them.
 */
@Component
public class RejectedEvents {

    private static final Logger log = LoggerFactory.getLogger(RejectedEvents.class);

    public enum Reason { REJECTED, MALFORMED, GAVE_UP }

    public record Parked(long id, String streamId, String subject, Long eventId, String eventType, String aggregateType,
            Long aggregateId, Reason reason, String detail, int deliveries, Instant createdAt, Instant resolvedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    RejectedEvents(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void park(StreamEvent event, String subject, Reason reason, String detail, long deliveries) {
        park(event.recordId(), subject, event.eventId(), event.type(), event.aggregateType(), event.aggregateId(),
                event.fields(), reason, detail, deliveries);
    }

    void park(String streamId, String subject, Long eventId, String type, String aggregateType, Long aggregateId,
            Map<String, String> fields, Reason reason, String detail, long deliveries) {
        log.warn("Ledger parked stream entry {} ({} {} {}#{}, {}): {}", streamId, reason, type, aggregateType, aggregateId,
                subject, detail);
        String text = detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail;
        try {
            insert(streamId, subject, eventId, type, aggregateType, aggregateId, fields, reason, text, deliveries);
        } catch (DuplicateKeyException e) {
            // another consumer parked the same entry at the same moment: one row is enough
        }
    }

    private void insert(String streamId, String subject, Long eventId, String type, String aggregateType, Long aggregateId,
            Map<String, String> fields, Reason reason, String text, long deliveries) {
        jdbc.update("INSERT INTO ledger_rejected_event (stream_id, subject, event_id, event_type, aggregate_type, aggregate_id, "
                + "reason, detail, fields, deliveries, created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM DUAL "
                + "WHERE NOT EXISTS (SELECT 1 FROM ledger_rejected_event WHERE stream_id = ? AND subject = ?)",
                streamId, subject, eventId, type == null ? "?" : shorten(type, 40), aggregateType == null ? null
                        : shorten(aggregateType, 20), aggregateId, reason.name(), text, json.writeValueAsString(fields),
                (int) Math.min(deliveries, Integer.MAX_VALUE), Timestamp.from(clock.instant()), streamId, subject);
    }

    public PageResult<Parked> list(boolean open, PageQuery page) {
        String where = open ? " WHERE resolved_at IS NULL" : "";
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_rejected_event" + where, Long.class);
        var p = page.<Parked>toPage();
        List<Parked> items = jdbc.query("SELECT * FROM ledger_rejected_event" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                ROW, p.getSize(), p.offset());
        return new PageResult<>(items, p.getCurrent(), p.getSize(), total);
    }

    public Optional<Parked> find(long id) {
        return jdbc.query("SELECT * FROM ledger_rejected_event WHERE id = ?", ROW, id).stream().findFirst();
    }

    Map<String, String> fields(long id) {
        String text = jdbc.queryForObject("SELECT fields FROM ledger_rejected_event WHERE id = ?", String.class, id);
        return json.readValue(text, new TypeReference<Map<String, String>>() { });
    }

    /** @return false if it was resolved already */
    boolean resolve(long id, long userId) {
        return jdbc.update("UPDATE ledger_rejected_event SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL",
                Timestamp.from(clock.instant()), userId, id) == 1;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static final RowMapper<Parked> ROW = (rs, n) -> {
        long aggregate = rs.getLong("aggregate_id");
        Long aggregateId = rs.wasNull() ? null : aggregate;
        long event = rs.getLong("event_id");
        Long eventId = rs.wasNull() ? null : event;
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Parked(rs.getLong("id"), rs.getString("stream_id"), rs.getString("subject"), eventId,
                rs.getString("event_type"), rs.getString("aggregate_type"), aggregateId, Reason.valueOf(rs.getString("reason")),
                rs.getString("detail"), rs.getInt("deliveries"), rs.getTimestamp("created_at").toInstant(),
                resolved == null ? null : resolved.toInstant());
    };
}
