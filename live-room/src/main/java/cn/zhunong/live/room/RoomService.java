package cn.zhunong.live.room;

import cn.zhunong.live.auth.Viewer;
import cn.zhunong.live.chat.ChatGate;
import cn.zhunong.live.chat.ChatText;
import cn.zhunong.live.config.LiveProperties;
import cn.zhunong.live.fanout.BusMessage;
import cn.zhunong.live.fanout.ClusterBus;
import cn.zhunong.live.flash.FlashSales;
import cn.zhunong.live.stats.NodeIdentity;
import cn.zhunong.live.stats.RoomStats;
import cn.zhunong.live.store.RoomEvent;
import cn.zhunong.live.store.RoomEventWriter;
import cn.zhunong.live.store.SessionMetricsStore.SessionSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The rules of a live room, one method per client event. Each returns the ack body or throws a
 * {@link LiveError}. Who may send what:
 * <ul>
 * <li>join, leave, like: anyone, anonymous viewers included</li>
 * <li>chat: signed-in users who are not muted</li>
 * <li>explain (set or clear the product card), end: the host (and platform admins)</li>
 * <li>announce, mute, unmute, kick, delete: host, assistants, platform admins</li>
 * </ul>
 */
@Service
public class RoomService {

    private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s\"<>]{1,490}");
    private static final Duration KICK_BAN = Duration.ofHours(24);
    private static final int ANNOUNCEMENT_MAX = 200;
    private static final int REASON_MAX = 50;

    private final LocalRooms rooms;
    private final SessionDirectory directory;
    private final SessionLifecycle lifecycle;
    private final RoomStats stats;
    private final ChatGate gate;
    private final ChatText text;
    private final RoomEventWriter writer;
    private final ClusterBus bus;
    private final NodeIdentity node;
    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final LiveProperties properties;
    private final FlashSales flashSales;

    public RoomService(LocalRooms rooms, SessionDirectory directory, SessionLifecycle lifecycle, RoomStats stats,
            ChatGate gate, ChatText text, RoomEventWriter writer, ClusterBus bus, NodeIdentity node,
            StringRedisTemplate redis, ObjectMapper json, LiveProperties properties, FlashSales flashSales) {
        this.flashSales = flashSales;
        this.rooms = rooms;
        this.directory = directory;
        this.lifecycle = lifecycle;
        this.stats = stats;
        this.gate = gate;
        this.text = text;
        this.writer = writer;
        this.bus = bus;
        this.node = node;
        this.redis = redis;
        this.json = json;
        this.properties = properties;
    }

    // ---- join / leave ----------------------------------------------------------------------

    public Map<String, Object> join(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        Viewer viewer = connection.viewer();
        if (!connection.rooms().containsKey(sessionId) && connection.rooms().size() >= properties.maxRoomsPerClient()) {
            throw new LiveError(LiveError.TOO_MANY_ROOMS, "同时进入的直播间太多");
        }
        SessionInfo session = directory.find(sessionId);
        if (session == null) {
            throw new LiveError(LiveError.ROOM_NOT_FOUND, "直播间不存在");
        }
        if (session.ended()) {
            SessionSummary summary = lifecycle.summary(sessionId);
            throw new LiveError(LiveError.SESSION_ENDED, "直播已结束").with("summary",
                    summary == null ? null : lifecycle.toMap(summary));
        }
        if (!viewer.isAnonymous()) {
            Double bannedUntil = redis.opsForZSet().score(RoomKeys.banned(sessionId), viewer.userId().toString());
            if (bannedUntil != null && bannedUntil > System.currentTimeMillis()) {
                throw new LiveError(LiveError.BANNED, "你已被移出本场直播");
            }
        }
        RoomRole role = directory.roleOf(viewer, session);
        if (!viewer.isAnonymous()) {
            directory.remember(sessionId, viewer.userId(), role);
        }
        connection.rooms().put(sessionId, role);
        rooms.join(sessionId, session, connection);
        stats.recordViewer(sessionId, connection.uniqueKey());

        RoomStats.Snapshot snapshot = stats.read(sessionId);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("sessionId", sessionId);
        state.put("role", role.name());
        state.put("status", session.status());
        state.put("explaining", stored(RoomKeys.explaining(sessionId)));
        state.put("announcement", stored(RoomKeys.announcement(sessionId)));
        state.put("stats", statsMap(snapshot));
        state.put("flashSale", flashSales.current(sessionId));
        if (!viewer.isAnonymous()) {
            Double mutedUntil = redis.opsForZSet().score(RoomKeys.muted(sessionId), viewer.userId().toString());
            state.put("mutedUntil", mutedUntil != null && mutedUntil > System.currentTimeMillis() ? mutedUntil.longValue() : null);
        }
        return state;
    }

    public Map<String, Object> leave(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        if (connection.rooms().remove(sessionId) != null) {
            rooms.leave(sessionId, connection);
        }
        return Map.of("sessionId", sessionId);
    }

    /** The socket closed: out of every room. */
    public void disconnected(Connection connection) {
        for (Long sessionId : connection.rooms().keySet()) {
            rooms.leave(sessionId, connection);
        }
        connection.rooms().clear();
    }

    // ---- chat and likes --------------------------------------------------------------------

    public Map<String, Object> chat(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        RoomRole role = connection.roleIn(sessionId);
        Viewer viewer = connection.viewer();
        if (viewer.isAnonymous()) {
            throw new LiveError(LiveError.LOGIN_REQUIRED, "登录后才能发言");
        }
        LocalRoom room = openRoom(sessionId);
        String typed = payload.optionalCleanText("text", properties.chat().maxLength(), LiveError.CHAT_TOO_LONG);
        if (typed == null) {
            throw new LiveError(LiveError.CHAT_EMPTY, "请输入内容");
        }
        ChatGate.Verdict verdict = gate.check(sessionId, viewer.userId());
        if (verdict.muted()) {
            throw new LiveError(LiveError.MUTED, "你已被禁言").with("mutedUntil", verdict.value());
        }
        if (verdict.limited()) {
            throw new LiveError(LiveError.RATE_LIMITED, "发言太快了，请稍后再试").with("retryAfterMs", verdict.value());
        }
        String shown = text.forViewers(typed);
        long id = node.nextId();
        long now = System.currentTimeMillis();
        String name = text.forViewers(viewer.name());
        RoomEvent record = new RoomEvent(id, sessionId, RoomEvent.CHAT, viewer.userId(), name, role.name(), null, null,
                shown, shown.equals(typed) ? null : typed, null, Instant.ofEpochMilli(now));
        if (!writer.offer(record)) {
            throw new LiveError(LiveError.BUSY, "服务繁忙，请稍后再发");
        }
        ChatItem item = new ChatItem(Long.toString(id), viewer.userId(), name, role.name(), shown, now);
        room.toPublish.add(item);
        room.chatsDelta.incrementAndGet();
        return Map.of("id", item.id(), "text", shown, "at", now);
    }

    public Map<String, Object> like(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        connection.roleIn(sessionId);
        int count = payload.optionalInt("count", 1, properties.likes().maxPerEvent(), 1);
        LocalRoom room = openRoom(sessionId);
        if (!connection.allowLike(System.currentTimeMillis(), properties.likes().rateLimit(),
                properties.likes().rateWindow().toMillis())) {
            throw new LiveError(LiveError.RATE_LIMITED, "点赞太快了");
        }
        room.likesDelta.addAndGet(count);
        return Map.of();
    }

    // ---- host events -----------------------------------------------------------------------

    /** Sets ({@code product: {...}}) or clears ({@code product: null}) the product being explained. */
    public Map<String, Object> explain(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        RoomRole role = connection.roleIn(sessionId);
        requireHost(role);
        openRoom(sessionId);
        if (!payload.has("product")) {
            throw Payload.invalid("缺少 product（清除讲解请传 null）");
        }
        Map<String, Object> card = payload.raw("product") == null ? null : productCard(Payload.of(payload.raw("product")));
        long now = System.currentTimeMillis();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sessionId", sessionId);
        event.put("product", card);
        event.put("at", now);
        String eventJson = json.writeValueAsString(event);
        if (card == null) {
            redis.delete(RoomKeys.explaining(sessionId));
        } else {
            redis.opsForValue().set(RoomKeys.explaining(sessionId), eventJson, Duration.ofSeconds(RoomKeys.STATE_TTL_SECONDS));
        }
        record(connection, sessionId, role, RoomEvent.EXPLAIN, null, null, null, eventJson, now);
        publishEvent(sessionId, SessionEvents.EXPLAINING, event);
        return Map.of();
    }

    public Map<String, Object> announce(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        RoomRole role = connection.roleIn(sessionId);
        requireModerator(role);
        openRoom(sessionId);
        String typed = payload.optionalCleanText("text", ANNOUNCEMENT_MAX, LiveError.INVALID_PAYLOAD);
        if (typed == null) {
            throw Payload.invalid("请输入公告内容");
        }
        long id = node.nextId();
        long now = System.currentTimeMillis();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sessionId", sessionId);
        event.put("id", Long.toString(id));
        event.put("text", text.forViewers(typed));
        event.put("by", connection.viewer().name());
        event.put("at", now);
        String eventJson = json.writeValueAsString(event);
        redis.opsForValue().set(RoomKeys.announcement(sessionId), eventJson, Duration.ofSeconds(RoomKeys.STATE_TTL_SECONDS));
        writer.offer(new RoomEvent(id, sessionId, RoomEvent.ANNOUNCEMENT, connection.viewer().userId(),
                connection.viewer().name(), role.name(), null, null, (String) event.get("text"), null, null,
                Instant.ofEpochMilli(now)));
        publishEvent(sessionId, SessionEvents.ANNOUNCEMENT, event);
        return Map.of("id", event.get("id"));
    }

    public Map<String, Object> end(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        RoomRole role = connection.roleIn(sessionId);
        requireHost(role);
        SessionSummary summary = lifecycle.end(sessionId, connection.viewer().userId(), connection.viewer().name(), role.name());
        return Map.of("summary", lifecycle.toMap(summary));
    }

    // ---- moderation ------------------------------------------------------------------------

    public Map<String, Object> mute(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        RoomRole role = connection.roleIn(sessionId);
        long target = moderatable(connection, sessionId, role, payload);
        int minutes = payload.optionalInt("minutes", 1, 7 * 24 * 60, (int) properties.chat().defaultMute().toMinutes());
        String reason = payload.optionalCleanText("reason", REASON_MAX, LiveError.INVALID_PAYLOAD);
        long now = System.currentTimeMillis();
        long until = now + minutes * 60_000L;
        redis.opsForZSet().add(RoomKeys.muted(sessionId), Long.toString(target), until);
        redis.expire(RoomKeys.muted(sessionId), Duration.ofSeconds(RoomKeys.STATE_TTL_SECONDS));
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("sessionId", sessionId);
        notice.put("until", until);
        notice.put("reason", reason);
        record(connection, sessionId, role, RoomEvent.MUTE, target, null, reason, json.writeValueAsString(notice), now);
        publishToUser(sessionId, BusMessage.TO_USER, SessionEvents.MUTED, target, notice);
        return Map.of("userId", target, "until", until);
    }

    public Map<String, Object> unmute(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        RoomRole role = connection.roleIn(sessionId);
        long target = moderatable(connection, sessionId, role, payload);
        redis.opsForZSet().remove(RoomKeys.muted(sessionId), Long.toString(target));
        record(connection, sessionId, role, RoomEvent.UNMUTE, target, null, null, null, System.currentTimeMillis());
        publishToUser(sessionId, BusMessage.TO_USER, SessionEvents.UNMUTED, target, Map.of("sessionId", sessionId));
        return Map.of("userId", target);
    }

    /** Out of the room on every node, and banned from rejoining this session for a day. */
    public Map<String, Object> kick(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        RoomRole role = connection.roleIn(sessionId);
        long target = moderatable(connection, sessionId, role, payload);
        String reason = payload.optionalCleanText("reason", REASON_MAX, LiveError.INVALID_PAYLOAD);
        long now = System.currentTimeMillis();
        redis.opsForZSet().add(RoomKeys.banned(sessionId), Long.toString(target), now + KICK_BAN.toMillis());
        redis.expire(RoomKeys.banned(sessionId), Duration.ofSeconds(RoomKeys.STATE_TTL_SECONDS));
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("sessionId", sessionId);
        notice.put("reason", reason);
        record(connection, sessionId, role, RoomEvent.KICK, target, null, reason, json.writeValueAsString(notice), now);
        publishToUser(sessionId, BusMessage.KICK, SessionEvents.KICKED, target, notice);
        return Map.of("userId", target);
    }

    /** Removes a chat message from every viewer's screen; the stored message stays, marked deleted, for audit. */
    public Map<String, Object> delete(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        RoomRole role = connection.roleIn(sessionId);
        requireModerator(role);
        long messageId = payload.requiredId("messageId");
        long now = System.currentTimeMillis();
        record(connection, sessionId, role, RoomEvent.DELETE, null, messageId, null, null, now);
        Map<String, Object> event = Map.of("sessionId", sessionId, "messageId", Long.toString(messageId));
        BusMessage message = bus.message(BusMessage.DELETE);
        bus.publish(sessionId, new BusMessage(message.origin(), BusMessage.DELETE, SessionEvents.CHAT_DELETED, null,
                Long.toString(messageId), null, json.valueToTree(event)));
        return Map.of("messageId", Long.toString(messageId));
    }

    // ---- purchases (from mall-api's ORDER_PAID events) -------------------------------------

    /** Shows "张** 刚刚买了 2 斤 黄皮" in the room and keeps it in the room's record. */
    public void purchase(long sessionId, String buyerMasked, String quantity, String unitName, String productName) {
        long id = node.nextId();
        long now = System.currentTimeMillis();
        String line = buyerMasked + " 刚刚买了 " + quantity + " " + unitName + " " + productName;
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sessionId", sessionId);
        event.put("text", line);
        event.put("buyer", buyerMasked);
        event.put("quantity", quantity);
        event.put("unitName", unitName);
        event.put("productName", productName);
        event.put("at", now);
        writer.offer(new RoomEvent(id, sessionId, RoomEvent.PURCHASE, null, null, "SYSTEM", null, null, line, null,
                json.writeValueAsString(event), Instant.ofEpochMilli(now)));
        publishEvent(sessionId, SessionEvents.PURCHASE, event);
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The room of an event that changes it: must be joined here and not ended. */
    private LocalRoom openRoom(long sessionId) {
        LocalRoom room = rooms.room(sessionId);
        if (room == null) {
            throw new LiveError(LiveError.NOT_IN_ROOM, "请先进入直播间");
        }
        SessionInfo info = room.info();
        if (info != null && info.ended()) {
            throw new LiveError(LiveError.SESSION_ENDED, "直播已结束");
        }
        return room;
    }

    private long moderatable(Connection connection, long sessionId, RoomRole role, Payload payload) {
        requireModerator(role);
        openRoom(sessionId);
        long target = payload.requiredId("userId");
        if (target == connection.viewer().userId()) {
            throw new LiveError(LiveError.CANNOT_MODERATE, "不能对自己操作");
        }
        if (!role.outranks(directory.knownRole(sessionId, target))) {
            throw new LiveError(LiveError.CANNOT_MODERATE, "不能对主播、场控或管理员操作");
        }
        return target;
    }

    private static void requireHost(RoomRole role) {
        if (role != RoomRole.HOST && role != RoomRole.ADMIN) {
            throw new LiveError(LiveError.FORBIDDEN, "只有主播可以这样做");
        }
    }

    private static void requireModerator(RoomRole role) {
        if (!role.canModerate()) {
            throw new LiveError(LiveError.FORBIDDEN, "只有主播或场控可以这样做");
        }
    }

    private Map<String, Object> productCard(Payload product) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("id", Long.toString(product.requiredId("id")));
        String name = product.optionalCleanText("name", 60, LiveError.INVALID_PAYLOAD);
        if (name == null) {
            throw Payload.invalid("请填写商品名称");
        }
        card.put("name", text.forViewers(name));
        Long price = product.optionalLong("priceFen");
        if (price != null && price < 0) {
            throw Payload.invalid("priceFen 不能为负");
        }
        card.put("priceFen", price);
        card.put("unit", product.optionalCleanText("unit", 8, LiveError.INVALID_PAYLOAD));
        String image = product.optionalCleanText("imageUrl", 500, LiveError.INVALID_PAYLOAD);
        if (image != null && !HTTP_URL.matcher(image).matches()) {
            throw Payload.invalid("imageUrl 必须是 http(s) 地址");
        }
        card.put("imageUrl", image);
        return card;
    }

    private void record(Connection connection, long sessionId, RoomRole role, String kind, Long targetUser, Long targetEvent,
            String textValue, String payloadJson, long at) {
        Viewer actor = connection.viewer();
        writer.offer(new RoomEvent(node.nextId(), sessionId, kind, actor.userId(), actor.name(), role.name(), targetUser,
                targetEvent, textValue, null, payloadJson, Instant.ofEpochMilli(at)));
    }

    private void publishEvent(long sessionId, String event, Map<String, Object> payload) {
        BusMessage message = bus.message(BusMessage.EVENT);
        bus.publish(sessionId, new BusMessage(message.origin(), BusMessage.EVENT, event, null, null, null,
                json.valueToTree(payload)));
    }

    private void publishToUser(long sessionId, String kind, String event, long userId, Map<String, Object> payload) {
        BusMessage message = bus.message(kind);
        bus.publish(sessionId, new BusMessage(message.origin(), kind, event, userId, null, null, json.valueToTree(payload)));
    }

    private Object stored(String key) {
        String value = redis.opsForValue().get(key);
        return value == null ? null : json.readValue(value, Map.class);
    }

    static Map<String, Object> statsMap(RoomStats.Snapshot snapshot) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sessionId", snapshot.sessionId());
        map.put("online", snapshot.online());
        map.put("peak", snapshot.peak());
        map.put("unique", snapshot.unique());
        map.put("likes", snapshot.likes());
        map.put("chats", snapshot.chats());
        return map;
    }
}
