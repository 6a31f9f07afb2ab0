package cn.zhunong.live.stats;

import cn.zhunong.live.config.LiveProperties;
import cn.zhunong.live.fanout.Fanout;
import cn.zhunong.live.fanout.PacketCodec;
import cn.zhunong.live.flash.FlashSales;
import cn.zhunong.live.room.Connection;
import cn.zhunong.live.room.LocalRoom;
import cn.zhunong.live.room.LocalRooms;
import cn.zhunong.live.room.SessionEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The node's clocks, each on its own thread so a slow Redis in one does not delay the others:
 * the chat tick ({@code zhunong.live.tick}), the stats tick (once a second: counts to and from
 * Redis, {@code stats} to viewers when something changed, flash-sale updates, slow-client sweep,
 * idle rooms dropped)
 * and the node heartbeat.
 */
@Component
public class LiveScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveScheduler.class);
    private static final long IDLE_ROOM_MILLIS = 10_000;

    private final LocalRooms rooms;
    private final RoomStats stats;
    private final Fanout fanout;
    private final PacketCodec codec;
    private final LiveProperties properties;
    private final FlashSales flashSales;
    private ScheduledExecutorService chatClock;
    private ScheduledExecutorService statsClock;
    private volatile boolean running;

    public LiveScheduler(LocalRooms rooms, RoomStats stats, Fanout fanout, PacketCodec codec, LiveProperties properties,
            FlashSales flashSales) {
        this.flashSales = flashSales;
        this.rooms = rooms;
        this.stats = stats;
        this.fanout = fanout;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public void start() {
        stats.heartbeat();
        chatClock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "live-chat-tick"));
        statsClock = Executors.newScheduledThreadPool(2, r -> daemon(r, "live-stats-tick"));
        long tick = properties.tick().toMillis();
        chatClock.scheduleAtFixedRate(guard(rooms::tick), tick, tick, TimeUnit.MILLISECONDS);
        long interval = properties.statsInterval().toMillis();
        statsClock.scheduleAtFixedRate(guard(this::statsTick), interval, interval, TimeUnit.MILLISECONDS);
        long heartbeat = properties.node().heartbeat().toMillis();
        statsClock.scheduleAtFixedRate(guard(stats::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        chatClock.shutdown();
        statsClock.shutdown();
        try {
            chatClock.awaitTermination(2, TimeUnit.SECONDS);
            statsClock.awaitTermination(2, TimeUnit.SECONDS);
            rooms.tick(); // chat accepted in the last tick still reaches the other nodes
            List<Long> served = new ArrayList<>();
            rooms.rooms().forEach(room -> served.add(room.sessionId()));
            stats.leaveAll(served);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not withdraw this node's viewers from Redis: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the Redis subscriptions, before the socket server. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

    void statsTick() {
        long now = System.currentTimeMillis();
        for (LocalRoom room : rooms.rooms()) {
            try {
                RoomStats.Tick tick = stats.tick(room.sessionId(), room.size(), room.likesDelta.getAndSet(0),
                        room.chatsDelta.getAndSet(0));
                room.refresh(tick.status(), tick.streamerId());
                RoomStats.Snapshot s = tick.snapshot();
                String key = s.online() + "/" + s.peak() + "/" + s.unique() + "/" + s.likes() + "/" + s.chats();
                if (!key.equals(room.lastStats) && room.size() > 0) {
                    room.lastStats = key;
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("sessionId", s.sessionId());
                    payload.put("online", s.online());
                    payload.put("peak", s.peak());
                    payload.put("unique", s.unique());
                    payload.put("likes", s.likes());
                    payload.put("chats", s.chats());
                    rooms.broadcastLocal(room, codec.encode(SessionEvents.STATS, payload));
                }
                if (room.size() > 0) {
                    flashSales.tick(room, now);
                }
                rooms.removeIfIdle(room, now, IDLE_ROOM_MILLIS);
            } catch (RuntimeException e) {
                log.warn("Stats tick failed for room {}: {}", room.sessionId(), e.toString());
            }
        }
        for (Connection connection : rooms.connections()) {
            fanout.checkSlow(connection, now);
        }
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Scheduled task failed: {}", e.toString());
            }
        };
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
