package cn.zhunong.mall.ledger.intake;

import cn.zhunong.mall.ledger.intake.LedgerEventHandler.Outcome;
import cn.zhunong.mall.ledger.intake.RejectedEvents.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One member of the ledger's consumer group on the outbox stream. New entries are read with
 * XREADGROUP; an entry is acknowledged once the ledger answered (posted, already posted, ignored,
 * or parked as rejected). An entry whose ledger call was "not ready" (a refund before its
 * payment) or failed (database down) stays pending; {@link #reclaim()} takes pending entries that
 * have been idle for {@code reclaimIdle} (ours, or those of a consumer that died) with XCLAIM and
 * tries them again. Every ledger call is idempotent, so an entry delivered twice — to two
 * consumers, or after a crash before the XACK — posts once.
 */
public class LedgerStreamConsumer {

    private static final Logger log = LoggerFactory.getLogger(LedgerStreamConsumer.class);

    private final StringRedisTemplate redis;
    private final LedgerEventHandler handler;
    private final RejectedEvents rejected;
    private final String stream;
    private final String group;
    private final Consumer consumer;
    private final int batchSize;
    private final Duration block;
    private final Duration reclaimIdle;
    private final int maxDeliveries;
    /** Only the polling thread uses it. */
    private RedisConnection blocking;

    public LedgerStreamConsumer(StringRedisTemplate redis, LedgerEventHandler handler, RejectedEvents rejected, String stream,
            String group, String consumerName, LedgerIntakeProperties settings) {
        this.redis = redis;
        this.handler = handler;
        this.rejected = rejected;
        this.stream = stream;
        this.group = group;
        this.consumer = Consumer.from(group, consumerName);
        this.batchSize = settings.batchSize();
        this.block = settings.block();
        this.reclaimIdle = settings.reclaimIdle();
        this.maxDeliveries = settings.maxDeliveries();
    }

    public String consumerName() {
        return consumer.getName();
    }

    /** Creates the group (and the stream) if needed; a new group starts at the stream's beginning (postings are idempotent). */
    public void ensureGroup() {
        try {
            redis.execute(connection -> connection.streamCommands().xGroupCreate(
                    stream.getBytes(StandardCharsets.UTF_8), group, ReadOffset.from("0-0"), true), true);
        } catch (RedisSystemException e) {
            if (!String.valueOf(rootMessage(e)).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /**
     * Reads and handles the next new entries, waiting up to {@code block} for some; returns how many.
     * The blocking read runs on a connection of its own (a blocking command must not hold up the
     * shared one), kept open across polls instead of opening one per call.
     */
    public int poll() {
        List<ByteRecord> records;
        try {
            records = blockingConnection().streamCommands().xReadGroup(consumer,
                    StreamReadOptions.empty().count(batchSize).block(block),
                    StreamOffset.create(stream.getBytes(StandardCharsets.UTF_8), ReadOffset.lastConsumed()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (records == null) {
            return 0;
        }
        for (ByteRecord record : records) {
            Map<Object, Object> fields = new LinkedHashMap<>();
            record.getValue().forEach((k, v) -> fields.put(new String(k, StandardCharsets.UTF_8),
                    v == null ? null : new String(v, StandardCharsets.UTF_8)));
            handle(MapRecord.create(stream, fields).withId(record.getId()), 1);
        }
        return records.size();
    }

    private RedisConnection blockingConnection() {
        if (blocking == null || blocking.isClosed()) {
            blocking = redis.getRequiredConnectionFactory().getConnection();
        }
        return blocking;
    }

    /**
     * Leaves the group if this consumer holds no pending entries (names would otherwise pile up
     * in the group over restarts); one that still holds some stays, and another consumer reclaims them.
     */
    public void leaveIfIdle() {
        try {
            if (redis.opsForStream().pending(stream, consumer, Range.unbounded(), 1).isEmpty()) {
                redis.opsForStream().deleteConsumer(stream, consumer);
            }
        } catch (RuntimeException e) {
            log.debug("Ledger intake consumer {} could not leave its group: {}", consumer.getName(), e.toString());
        }
    }

    /** Releases the blocking read's connection (the next poll opens another). */
    public void close() {
        RedisConnection connection = blocking;
        blocking = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("Closing the ledger intake's Redis connection failed: {}", e.toString());
            }
        }
    }

    /** Takes pending entries idle for at least {@code reclaimIdle} and handles them again; returns how many. */
    public int reclaim() {
        PendingMessages pending = redis.opsForStream().pending(stream, group, Range.unbounded(), batchSize, reclaimIdle);
        if (pending == null || pending.isEmpty()) {
            return 0;
        }
        Map<String, Long> deliveries = pending.stream()
                .collect(Collectors.toMap(PendingMessage::getIdAsString, PendingMessage::getTotalDeliveryCount));
        RecordId[] ids = pending.stream().map(PendingMessage::getId).toArray(RecordId[]::new);
        List<MapRecord<String, Object, Object>> claimed;
        try {
            claimed = redis.opsForStream().claim(stream, group, consumer.getName(), reclaimIdle, ids);
        } catch (RuntimeException e) {
            claimed = claimOneByOne(ids);
        }
        for (MapRecord<String, Object, Object> record : claimed) {
            // XCLAIM counted this delivery too
            handle(record, deliveries.getOrDefault(record.getId().getValue(), 0L) + 1);
        }
        return claimed.size();
    }

    /** A pending entry trimmed from the stream cannot be claimed: it is acknowledged so it stops coming back. */
    private List<MapRecord<String, Object, Object>> claimOneByOne(RecordId[] ids) {
        List<MapRecord<String, Object, Object>> claimed = new ArrayList<>();
        for (RecordId id : ids) {
            try {
                claimed.addAll(redis.opsForStream().claim(stream, group, consumer.getName(), reclaimIdle, id));
            } catch (RuntimeException e) {
                if (redis.opsForStream().range(stream, Range.closed(id.getValue(), id.getValue())).isEmpty()) {
                    log.warn("Pending ledger event {} is no longer on the stream; acknowledging it", id.getValue());
                    redis.opsForStream().acknowledge(stream, group, id);
                } else {
                    throw e;
                }
            }
        }
        return claimed;
    }

    private void handle(MapRecord<String, Object, Object> record, long deliveries) {
        String id = record.getId().getValue();
        StreamEvent event;
        try {
            event = StreamEvent.of(id, record.getValue());
        } catch (StreamEvent.MalformedEventException e) {
            Map<String, String> fields = record.getValue().entrySet().stream().collect(Collectors.toMap(
                    k -> String.valueOf(k.getKey()), v -> String.valueOf(v.getValue())));
            rejected.park(id, "event", null, String.valueOf(fields.get("type")), fields.get("aggregateType"), null, fields,
                    Reason.MALFORMED, e.getMessage(), deliveries);
            acknowledge(id);
            return;
        }
        Outcome outcome;
        try {
            outcome = handler.handle(event, deliveries);
        } catch (RuntimeException e) {
            log.warn("Ledger could not handle {} {} #{} (delivery {}); it stays pending: {}", event.type(), event.aggregateType(),
                    event.aggregateId(), deliveries, e.toString());
            giveUpIfTooOften(event, deliveries, "failed: " + e);
            return;
        }
        if (outcome.acknowledge()) {
            acknowledge(id);
        } else {
            giveUpIfTooOften(event, deliveries, "not ready after " + deliveries + " deliveries");
        }
    }

    private void giveUpIfTooOften(StreamEvent event, long deliveries, String detail) {
        if (deliveries >= maxDeliveries) {
            rejected.park(event, "event", Reason.GAVE_UP, detail, deliveries);
            acknowledge(event.recordId());
        }
    }

    private void acknowledge(String id) {
        redis.opsForStream().acknowledge(stream, group, RecordId.of(id));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
