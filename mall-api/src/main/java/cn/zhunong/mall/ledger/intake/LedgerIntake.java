package cn.zhunong.mall.ledger.intake;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs this instance's {@link LedgerStreamConsumer} on its own thread from start-up to shutdown
 * (zhunong.ledger.intake.enabled): new entries as they come, and every {@code reclaimInterval} the
 * pending ones that have been idle long enough. Errors (Redis or the database away) are logged and
 * retried after {@code errorBackoff}; nothing is acknowledged that was not handled.
 */
@Component
public class LedgerIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerIntake.class);

    private final LedgerIntakeProperties properties;
    private final StringRedisTemplate redis;
    private final LedgerEventHandler handler;
    private final RejectedEvents rejected;
    private final LedgerStreamConsumer consumer;
    private volatile boolean running;
    private Thread thread;

    LedgerIntake(LedgerIntakeProperties properties, StringRedisTemplate redis, LedgerEventHandler handler,
            RejectedEvents rejected) {
        this.properties = properties;
        this.redis = redis;
        this.handler = handler;
        this.rejected = rejected;
        String name = properties.consumerName().isBlank() ? defaultName() : properties.consumerName();
        this.consumer = new LedgerStreamConsumer(redis, handler, rejected, properties.stream(), properties.group(), name,
                properties);
    }

    /** Another consumer with these settings, e.g. on another stream or group (tests, catch-up tools). */
    public LedgerStreamConsumer newConsumer(String stream, String group, String name, int batchSize) {
        LedgerIntakeProperties p = properties;
        return new LedgerStreamConsumer(redis, handler, rejected, stream, group, name, new LedgerIntakeProperties(p.enabled(),
                stream, group, name, batchSize, p.block(), p.reclaimIdle(), p.reclaimInterval(), p.maxDeliveries(),
                p.errorBackoff()));
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "ledger-intake");
        thread.setDaemon(true);
        thread.start();
        log.info("Ledger intake consuming {} as {} in group {}", properties.stream(), consumer.consumerName(), properties.group());
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.block().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Late in start-up (after the web server), early in shutdown (before the connection pools close). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void run() {
        long nextReclaim = System.nanoTime();
        boolean groupReady = false;
        while (running) {
            try {
                if (!groupReady) {
                    consumer.ensureGroup();
                    groupReady = true;
                }
                if (System.nanoTime() - nextReclaim >= 0) {
                    consumer.reclaim();
                    nextReclaim = System.nanoTime() + properties.reclaimInterval().toNanos();
                }
                consumer.poll();
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("Ledger intake failed; retrying in {}: {}", properties.errorBackoff(), e.toString());
                // the stream or the group may have gone (Redis restarted without data): create them again
                groupReady = false;
                pause(properties.errorBackoff());
            }
        }
        consumer.close();
        consumer.leaveIfIdle();
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "mall-api";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
