package cn.zhunong.live.events;

import cn.zhunong.common.events.OrderPaidEvent;
import cn.zhunong.live.config.LiveProperties;
import cn.zhunong.live.room.RoomService;
import cn.zhunong.live.room.SessionLifecycle;
import cn.zhunong.live.stats.NodeIdentity;
import cn.zhunong.live.stats.SessionSales;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Consumes the platform event stream ({@code zhunong:events}, fed by mall-api's outbox relay) in the
 * consumer group {@code live-room}: each event is handled by exactly one live-room node, which then
 * tells every node through the room's channel. Entries have the fields {@code type} and
 * {@code payload} (JSON). Handled types:
 * <ul>
 * <li>ORDER_PAID ({@link OrderPaidEvent}: {orderId, userId, paidFen, liveSessionId, buyerMaskedName,
 * lines: [{productName, quantity, unitName}]}): counted once into the session's sales figures,
 * then one purchase ticker item per line ("张** 刚刚买了 2 斤 黄皮"); orders without a live
 * session are ignored, and orders older than {@link #TICKER_MAX_AGE} are counted but not shown</li>
 * <li>LIVE_SESSION_ENDED {liveSessionId}: the end-of-session summary</li>
 * </ul>
 * Other types are acknowledged and ignored. A handler failure leaves the entry pending; entries
 * pending longer than {@code claimIdle} (their node died) are claimed and handled again.
 */
@Component
public class PlatformEventConsumer implements SmartLifecycle {

    static final Duration TICKER_MAX_AGE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(PlatformEventConsumer.class);

    private final StringRedisTemplate redis;
    private final RoomService rooms;
    private final SessionLifecycle lifecycle;
    private final SessionSales sales;
    private final ObjectMapper json;
    private final LiveProperties.Events config;
    private final Consumer consumer;
    private volatile boolean running;
    private Thread thread;
    private long lastClaim;

    public PlatformEventConsumer(StringRedisTemplate redis, RoomService rooms, SessionLifecycle lifecycle, SessionSales sales,
            ObjectMapper json, LiveProperties properties, NodeIdentity node) {
        this.redis = redis;
        this.sales = sales;
        this.rooms = rooms;
        this.lifecycle = lifecycle;
        this.json = json;
        this.config = properties.events();
        this.consumer = Consumer.from(config.group(), node.id());
    }

    @Override
    public void start() {
        createGroup();
        running = true;
        thread = new Thread(this::run, "live-platform-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            thread.join(config.pollTimeout().toMillis() + 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

    /** From "$": a node starting for the first time does not replay old purchases as "just now". */
    private void createGroup() {
        byte[] key = config.stream().getBytes(StandardCharsets.UTF_8);
        try {
            redis.execute((RedisCallback<String>) c -> c.streamCommands().xGroupCreate(key, config.group(),
                    ReadOffset.latest(), true));
        } catch (DataAccessException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause.getMessage() != null && cause.getMessage().contains("BUSYGROUP")) {
                    return; // another node (or an earlier start) created it
                }
            }
            throw e;
        }
    }

    private void run() {
        while (running) {
            try {
                claimAbandoned();
                @SuppressWarnings("unchecked")
                List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(consumer,
                        StreamReadOptions.empty().count(100).block(config.pollTimeout()),
                        StreamOffset.create(config.stream(), ReadOffset.lastConsumed()));
                if (records != null) {
                    records.forEach(this::handle);
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Reading {} failed: {}", config.stream(), e.toString());
                    pause(1000);
                }
            }
        }
    }

    private void claimAbandoned() {
        long now = System.currentTimeMillis();
        if (now - lastClaim < config.claimIdle().toMillis() / 2) {
            return;
        }
        lastClaim = now;
        PendingMessages pending = redis.opsForStream().pending(config.stream(), config.group(), Range.unbounded(), 100,
                config.claimIdle());
        if (pending == null || pending.isEmpty()) {
            return;
        }
        RecordId[] ids = pending.stream().map(PendingMessage::getId).toArray(RecordId[]::new);
        List<MapRecord<String, Object, Object>> claimed = redis.opsForStream().claim(config.stream(), config.group(),
                consumer.getName(), config.claimIdle(), ids);
        claimed.forEach(this::handle);
    }

    void handle(MapRecord<String, Object, Object> record) {
        try {
            Map<Object, Object> fields = record.getValue();
            String type = String.valueOf(fields.get("type"));
            Object payload = fields.get("payload");
            JsonNode data = payload == null ? null : json.readTree(payload.toString());
            switch (type) {
                case OrderPaidEvent.TYPE -> orderPaid(record.getId(), data);
                case "LIVE_SESSION_ENDED" -> sessionEnded(data);
                default -> { }
            }
            redis.opsForStream().acknowledge(config.stream(), config.group(), record.getId());
        } catch (tools.jackson.core.JacksonException | IllegalArgumentException e) {
            // a malformed entry will not get better: acknowledge it so it is not retried forever
            log.warn("Ignoring malformed event {}: {}", record.getId(), e.toString());
            redis.opsForStream().acknowledge(config.stream(), config.group(), record.getId());
        } catch (RuntimeException e) {
            log.warn("Handling event {} failed, it stays pending: {}", record.getId(), e.toString());
        }
    }

    private void orderPaid(RecordId id, JsonNode data) {
        if (data == null || !data.hasNonNull(OrderPaidEvent.LIVE_SESSION_ID)) {
            return; // not bought in a live room
        }
        long sessionId = positive(data, OrderPaidEvent.LIVE_SESSION_ID);
        JsonNode lines = data.get(OrderPaidEvent.LINES);
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw new IllegalArgumentException(OrderPaidEvent.LINES + " missing");
        }
        String buyer = masked(text(data, OrderPaidEvent.BUYER_MASKED_NAME, 20));
        List<String[]> items = new java.util.ArrayList<>();
        for (JsonNode line : lines) {
            items.add(new String[] {quantity(line.get(OrderPaidEvent.QUANTITY)), text(line, OrderPaidEvent.UNIT_NAME, 8),
                    text(line, OrderPaidEvent.PRODUCT_NAME, 60)});
        }
        // counted first and once per order, however old the event and however often it is delivered
        boolean first = sales.record(sessionId, positive(data, OrderPaidEvent.ORDER_ID), positive(data, OrderPaidEvent.USER_ID),
                nonNegative(data, OrderPaidEvent.PAID_FEN));
        if (first) {
            lifecycle.salesChanged(sessionId);
        }
        if (!first || (id.getTimestamp() != null && System.currentTimeMillis() - id.getTimestamp() > TICKER_MAX_AGE.toMillis())) {
            return; // shown already, or "刚刚" would be a lie
        }
        for (String[] item : items) {
            rooms.purchase(sessionId, buyer, item[0], item[1], item[2]);
        }
    }

    private static long positive(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.canConvertToLong() || node.asLong() <= 0) {
            throw new IllegalArgumentException(field + " " + node);
        }
        return node.asLong();
    }

    private static long nonNegative(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.canConvertToLong() || node.asLong() < 0) {
            throw new IllegalArgumentException(field + " " + node);
        }
        return node.asLong();
    }

    private void sessionEnded(JsonNode data) {
        if (data == null || !data.hasNonNull("liveSessionId")) {
            throw new IllegalArgumentException("LIVE_SESSION_ENDED without liveSessionId");
        }
        lifecycle.end(data.get("liveSessionId").asLong(), null, null, "SYSTEM");
    }

    private static String text(JsonNode data, String field, int max) {
        JsonNode node = data.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new IllegalArgumentException(field + " missing");
        }
        String value = node.asString().strip();
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** Defensive: a name that arrives unmasked keeps only its first character ("张三" → "张*"). */
    static String masked(String name) {
        if (name.contains("*")) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    private static String quantity(JsonNode node) {
        if (node == null || !node.isNumber() || node.decimalValue().signum() <= 0) {
            throw new IllegalArgumentException("quantity");
        }
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        return value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
