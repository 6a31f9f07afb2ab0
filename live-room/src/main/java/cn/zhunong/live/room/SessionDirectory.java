package cn.zhunong.live.room;

import cn.zhunong.live.auth.Viewer;
import java.time.Duration;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Who runs a room. Until mall-api owns live sessions, the decision taken here: the host is a user
 * whose token has role HOST and claim {@code streamerId} equal to the session's {@code streamerId}
 * (hash {@link RoomKeys#session}); assistants are the user ids in {@link RoomKeys#assistants};
 * platform admins may moderate any room. Roles are resolved when a socket joins, so a change of
 * assistants applies from the next join.
 */
@Component
public class SessionDirectory {

    private final StringRedisTemplate redis;

    public SessionDirectory(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The session, or null when mall-api has not published it. */
    public SessionInfo find(long sessionId) {
        Map<Object, Object> fields = redis.opsForHash().entries(RoomKeys.session(sessionId));
        if (fields.isEmpty()) {
            return null;
        }
        Object streamer = fields.get("streamerId");
        Object status = fields.get("status");
        Long streamerId = null;
        if (streamer != null && streamer.toString().matches("\\d{1,18}")) {
            streamerId = Long.valueOf(streamer.toString());
        }
        return new SessionInfo(sessionId, streamerId, status == null ? null : status.toString());
    }

    public RoomRole roleOf(Viewer viewer, SessionInfo session) {
        if (viewer.isAnonymous()) {
            return RoomRole.VIEWER;
        }
        if (viewer.isAdmin()) {
            return RoomRole.ADMIN;
        }
        if (viewer.isStreamer(session.streamerId())) {
            return RoomRole.HOST;
        }
        if (isAssistant(session.sessionId(), viewer.userId())) {
            return RoomRole.ASSISTANT;
        }
        return RoomRole.VIEWER;
    }

    /** Remembers a privileged member so moderation can tell that a target outranks the moderator. */
    public void remember(long sessionId, long userId, RoomRole role) {
        if (role != RoomRole.VIEWER) {
            redis.opsForHash().put(RoomKeys.roles(sessionId), Long.toString(userId), role.name());
            redis.expire(RoomKeys.roles(sessionId), Duration.ofSeconds(RoomKeys.STATE_TTL_SECONDS));
        }
    }

    /** The role of a user who may not be connected here: remembered privileged role, assistant, else viewer. */
    public RoomRole knownRole(long sessionId, long userId) {
        Object remembered = redis.opsForHash().get(RoomKeys.roles(sessionId), Long.toString(userId));
        if (remembered != null) {
            return RoomRole.valueOf(remembered.toString());
        }
        return isAssistant(sessionId, userId) ? RoomRole.ASSISTANT : RoomRole.VIEWER;
    }

    private boolean isAssistant(long sessionId, long userId) {
        return Boolean.TRUE.equals(redis.opsForSet().isMember(RoomKeys.assistants(sessionId), Long.toString(userId)));
    }
}
