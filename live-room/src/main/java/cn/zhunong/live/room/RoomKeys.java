package cn.zhunong.live.room;

/**
 * Redis keys of a live session. A room is {@code live:<sessionId>}.
 *
 * <p>Written by mall-api (live-room only reads them): {@link #session} — hash {@code streamerId},
 * {@code status} (SCHEDULED, LIVE, ENDED) — and {@link #assistants} — set of user ids. Until mall-api
 * has live sessions, tests write them. Everything else is live-room's own state and expires
 * {@link #STATE_TTL_SECONDS} after the last activity.
 */
public final class RoomKeys {

    /** live-room's own keys live a week after the last write: long enough for any session and its summary. */
    public static final long STATE_TTL_SECONDS = 7 * 24 * 3600;

    private RoomKeys() {
    }

    public static String room(long sessionId) {
        return "live:" + sessionId;
    }

    public static String session(long sessionId) {
        return "live:session:" + sessionId;
    }

    public static String assistants(long sessionId) {
        return session(sessionId) + ":assistants";
    }

    /** hash userId → room role of privileged users seen in the room (who may not be muted or kicked) */
    public static String roles(long sessionId) {
        return session(sessionId) + ":roles";
    }

    /** sorted set userId → muted until (epoch ms) */
    public static String muted(long sessionId) {
        return session(sessionId) + ":muted";
    }

    /** sorted set userId → banned from rejoining until (epoch ms), after a kick */
    public static String banned(long sessionId) {
        return session(sessionId) + ":banned";
    }

    /** the product card being explained, as JSON; absent when none */
    public static String explaining(long sessionId) {
        return session(sessionId) + ":explaining";
    }

    /** the latest announcement, as JSON */
    public static String announcement(long sessionId) {
        return session(sessionId) + ":announcement";
    }

    /** hash nodeId → viewers connected through that node */
    public static String online(long sessionId) {
        return session(sessionId) + ":online";
    }

    /** HyperLogLog of distinct viewers */
    public static String uniqueViewers(long sessionId) {
        return session(sessionId) + ":uv";
    }

    /** hash likes, chats, peak, startedAt */
    public static String stats(long sessionId) {
        return session(sessionId) + ":stats";
    }

    /** set of the paid order ids attributed to the session: each order counts once (redeliveries, several nodes) */
    public static String paidOrders(long sessionId) {
        return session(sessionId) + ":paid-orders";
    }

    /** set of the user ids who paid for an order attributed to the session */
    public static String buyers(long sessionId) {
        return session(sessionId) + ":buyers";
    }

    /** hash orders, gmvFen of the session's paid orders */
    public static String sales(long sessionId) {
        return session(sessionId) + ":sales";
    }

    /** the end-of-session summary as JSON, once the session ended */
    public static String summary(long sessionId) {
        return session(sessionId) + ":summary";
    }

    /** pub/sub channel carrying the room's batched chat and room events between nodes */
    public static String channel(long sessionId) {
        return "live:room:" + sessionId;
    }

    public static String node(String nodeId) {
        return "live:node:" + nodeId;
    }

    public static String chatRate(long userId) {
        return "live:rate:chat:" + userId;
    }

    /** The session id of a room name ({@code live:<sessionId>}). */
    public static long sessionIdOf(String room) {
        if (room == null || !room.startsWith("live:")) {
            throw new IllegalArgumentException(room);
        }
        return Long.parseLong(room.substring(5));
    }
}
