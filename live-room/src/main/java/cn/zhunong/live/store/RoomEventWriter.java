package cn.zhunong.live.store;

import cn.zhunong.live.config.LiveProperties;
import cn.zhunong.live.stats.NodeIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes chat and room events to MySQL in batches: one multi-row insert every
 * {@code flushInterval} (500 ms) or as soon as {@code batchSize} (500) are waiting, from one writer
 * thread, so a chatty room costs a few inserts a second instead of one per message.
 *
 * <p>Why live-room writes MySQL itself (rather than a Redis Stream for mall-api to drain): the
 * replay endpoint is live-room's, records must outlive Redis memory for years, and nothing would
 * drain such a stream today. Robustness: a failed batch is retried with back-off (the insert is
 * idempotent on the id); while the database is away events wait in a bounded queue, and when it is
 * full new chat is refused ({@link #offer} false) instead of being shown but never recorded. On a
 * clean shutdown the queue is flushed after the socket server stopped. What a crash loses is at
 * most the last flush interval.
 */
@Component
public class RoomEventWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoomEventWriter.class);
    private static final String INSERT = """
            INSERT INTO live_room_event (id, session_id, kind, actor_user_id, actor_name, actor_role, target_user_id,
              target_event_id, text, original_text, payload, occurred_at, node_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE id = id""";

    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final BlockingQueue<RoomEvent> queue;
    private final long flushMillis;
    private final int batchSize;
    private final Counter written;
    private final Counter refused;
    private volatile boolean running;
    private Thread thread;

    public RoomEventWriter(JdbcTemplate jdbc, NodeIdentity node, LiveProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.nodeId = node.id();
        this.queue = new ArrayBlockingQueue<>(properties.persist().maxBuffered());
        this.flushMillis = properties.persist().flushInterval().toMillis();
        this.batchSize = properties.persist().batchSize();
        this.written = Counter.builder("live.events.persisted").register(meters);
        this.refused = Counter.builder("live.events.refused").description("events refused: persistence queue full").register(meters);
        Gauge.builder("live.events.queued", queue, BlockingQueue::size).register(meters);
    }

    /** @return false when the queue is full (the database has been unreachable for a while) */
    public boolean offer(RoomEvent event) {
        boolean accepted = queue.offer(event);
        if (!accepted) {
            refused.increment();
        }
        return accepted;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "live-event-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            log.error("{} room events were not written at shutdown", queue.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts first and stops last: events produced until the socket server closed still get written. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    private void run() {
        List<RoomEvent> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                collect(batch);
            } catch (InterruptedException e) {
                // stopping: write what is there, then the rest of the queue
                queue.drainTo(batch, batchSize - batch.size());
            }
            if (!batch.isEmpty()) {
                writeWithRetry(batch);
                batch.clear();
            }
        }
    }

    private void collect(List<RoomEvent> batch) throws InterruptedException {
        RoomEvent first = queue.poll(flushMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.currentTimeMillis() + flushMillis;
        while (batch.size() < batchSize) {
            queue.drainTo(batch, batchSize - batch.size());
            long left = deadline - System.currentTimeMillis();
            if (batch.size() >= batchSize || left <= 0) {
                return;
            }
            RoomEvent next = queue.poll(left, TimeUnit.MILLISECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void writeWithRetry(List<RoomEvent> batch) {
        long backoff = 500;
        for (int attempt = 1; ; attempt++) {
            try {
                write(batch);
                written.increment(batch.size());
                return;
            } catch (RuntimeException e) {
                if (!running && attempt >= 3) {
                    log.error("Giving up on {} room events at shutdown: {}", batch.size(), e.toString());
                    return;
                }
                log.warn("Writing {} room events failed (attempt {}), retrying: {}", batch.size(), attempt, e.toString());
                pause(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // stop() interrupts to wake the writer; running is false now and the loop ends after a few tries
        }
    }

    void write(List<RoomEvent> batch) {
        jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, e) -> {
            ps.setLong(1, e.id());
            ps.setLong(2, e.sessionId());
            ps.setString(3, e.kind());
            setLong(ps, 4, e.actorUserId());
            ps.setString(5, e.actorName());
            ps.setString(6, e.actorRole());
            setLong(ps, 7, e.targetUserId());
            setLong(ps, 8, e.targetEventId());
            ps.setString(9, e.text());
            ps.setString(10, e.originalText());
            ps.setString(11, e.payload());
            ps.setTimestamp(12, Timestamp.from(e.occurredAt()));
            ps.setString(13, nodeId);
        });
    }

    private static void setLong(java.sql.PreparedStatement ps, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
