package cn.zhunong.live.store;

import java.math.BigDecimal;
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
                  started_at, ended_at, updated_at, orders, gmv_fen, buyers, conversion, gpm_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE peak_viewers = VALUES(peak_viewers), unique_viewers = VALUES(unique_viewers),
                  likes = VALUES(likes), chat_messages = VALUES(chat_messages), ended_at = VALUES(ended_at),
                  updated_at = VALUES(updated_at), orders = VALUES(orders), gmv_fen = VALUES(gmv_fen),
                  buyers = VALUES(buyers), conversion = VALUES(conversion), gpm_fen = VALUES(gpm_fen)""",
                summary.sessionId(), summary.peakViewers(), summary.uniqueViewers(), summary.likes(), summary.chats(),
                summary.startedAt() == null ? null : Timestamp.from(Instant.ofEpochMilli(summary.startedAt())),
                Timestamp.from(Instant.ofEpochMilli(summary.endedAt())), Timestamp.from(Instant.now()),
                summary.orders(), summary.gmvFen(), summary.buyers(), conversion(summary), summary.gpmFen());
    }

    public SessionSummary find(long sessionId) {
        List<SessionSummary> rows = jdbc.query("""
                SELECT session_id, peak_viewers, unique_viewers, likes, chat_messages, started_at, ended_at,
                  orders, gmv_fen, buyers, conversion, gpm_fen
                FROM live_session_metrics WHERE session_id = ?""", (rs, i) -> {
                    Timestamp started = rs.getTimestamp("started_at");
                    return new SessionSummary(rs.getLong("session_id"), rs.getLong("peak_viewers"),
                            rs.getLong("unique_viewers"), rs.getLong("likes"), rs.getLong("chat_messages"),
                            started == null ? null : started.toInstant().toEpochMilli(),
                            rs.getTimestamp("ended_at").toInstant().toEpochMilli(), rs.getLong("orders"),
                            rs.getLong("gmv_fen"), rs.getLong("buyers"), rs.getBigDecimal("conversion"),
                            rs.getLong("gpm_fen"));
                }, sessionId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static BigDecimal conversion(SessionSummary summary) {
        return summary.conversion() == null ? BigDecimal.ZERO : summary.conversion();
    }

    /**
     * The end-of-session summary (also the {@code session_ended} payload). The sales figures come
     * from ORDER_PAID events attributed to the session; an order paid after the end updates them.
     *
     * @param startedAt first activity seen in the room, epoch ms (null if none)
     * @param endedAt epoch ms
     * @param gmvFen sum of the paid amounts
     * @param conversion buyers ÷ unique viewers
     * @param gpmFen GMV per 1,000 unique viewers
     */
    public record SessionSummary(long sessionId, long peakViewers, long uniqueViewers, long likes, long chats,
            Long startedAt, long endedAt, long orders, long gmvFen, long buyers, BigDecimal conversion, long gpmFen) {

        public SessionSummary withSales(long orders, long gmvFen, long buyers, BigDecimal conversion, long gpmFen) {
            return new SessionSummary(sessionId, peakViewers, uniqueViewers, likes, chats, startedAt, endedAt, orders, gmvFen,
                    buyers, conversion, gpmFen);
        }
    }
}
