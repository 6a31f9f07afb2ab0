package cn.zhunong.live.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The metrics of ended sessions ({@code live_session_metrics}), written once at the end. */
@Component
public class SessionMetricsStore {

    private final JdbcTemplate jdbc;

    public SessionMetricsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: ending a session twice keeps one row with the latest numbers. */
    public void save(SessionSummary summary) {
        jdbc.update("""
                INSERT INTO live_session_metrics (session_id, peak_viewers, unique_viewers, likes, chat_messages,
                  started_at, ended_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE peak_viewers = VALUES(peak_viewers), unique_viewers = VALUES(unique_viewers),
                  likes = VALUES(likes), chat_messages = VALUES(chat_messages), ended_at = VALUES(ended_at),
                  updated_at = VALUES(updated_at)""",
                summary.sessionId(), summary.peakViewers(), summary.uniqueViewers(), summary.likes(), summary.chats(),
                summary.startedAt() == null ? null : Timestamp.from(Instant.ofEpochMilli(summary.startedAt())),
                Timestamp.from(Instant.ofEpochMilli(summary.endedAt())), Timestamp.from(Instant.now()));
    }

    public SessionSummary find(long sessionId) {
        List<SessionSummary> rows = jdbc.query("""
                SELECT session_id, peak_viewers, unique_viewers, likes, chat_messages, started_at, ended_at
                FROM live_session_metrics WHERE session_id = ?""", (rs, i) -> {
                    Timestamp started = rs.getTimestamp("started_at");
                    return new SessionSummary(rs.getLong("session_id"), rs.getLong("peak_viewers"),
                            rs.getLong("unique_viewers"), rs.getLong("likes"), rs.getLong("chat_messages"),
                            started == null ? null : started.toInstant().toEpochMilli(),
                            rs.getTimestamp("ended_at").toInstant().toEpochMilli());
                }, sessionId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * The end-of-session summary (also the {@code session_ended} payload). Orders, GMV, conversion
     * and GPM join it when in-room orders exist.
     *
     * @param startedAt first activity seen in the room, epoch ms (null if none)
     * @param endedAt epoch ms
     */
    public record SessionSummary(long sessionId, long peakViewers, long uniqueViewers, long likes, long chats,
            Long startedAt, long endedAt) {
    }
}
