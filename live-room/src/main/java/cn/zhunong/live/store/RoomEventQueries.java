package cn.zhunong.live.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the stored chat of a session for replay, in time order, a page at a time. */
@Component
public class RoomEventQueries {

    private final JdbcTemplate jdbc;

    public RoomEventQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Chat of a session in [from, to), ordered by time then id, after the message {@code afterId}
     * when given (keyset paging). Deleted messages are left out unless {@code includeDeleted}.
     */
    public List<StoredChat> chat(long sessionId, Instant from, Instant to, Long afterId, int limit, boolean includeDeleted) {
        StringBuilder sql = new StringBuilder("""
                SELECT m.id, m.actor_user_id, m.actor_name, m.actor_role, m.text, m.original_text, m.occurred_at,
                       (SELECT MIN(d.occurred_at) FROM live_room_event d WHERE d.target_event_id = m.id AND d.kind = 'DELETE') AS deleted_at
                FROM live_room_event m
                WHERE m.session_id = ? AND m.kind = 'CHAT' AND m.occurred_at >= ? AND m.occurred_at < ?""");
        List<Object> args = new java.util.ArrayList<>(List.of(sessionId, Timestamp.from(from), Timestamp.from(to)));
        if (afterId != null) {
            sql.append(" AND (m.occurred_at, m.id) > (SELECT a.occurred_at, a.id FROM live_room_event a WHERE a.id = ?)");
            args.add(afterId);
        }
        if (!includeDeleted) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM live_room_event d WHERE d.target_event_id = m.id AND d.kind = 'DELETE')");
        }
        sql.append(" ORDER BY m.occurred_at, m.id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    private StoredChat map(ResultSet rs, int row) throws SQLException {
        long userId = rs.getLong("actor_user_id");
        Long actor = rs.wasNull() ? null : userId;
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new StoredChat(rs.getLong("id"), actor, rs.getString("actor_name"), rs.getString("actor_role"),
                rs.getString("text"), rs.getString("original_text"), rs.getTimestamp("occurred_at").toInstant(),
                deleted == null ? null : deleted.toInstant());
    }

    public record StoredChat(long id, Long userId, String name, String role, String text, String originalText,
            Instant at, Instant deletedAt) {
    }
}
