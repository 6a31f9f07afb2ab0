package cn.zhunong.live.room;

import cn.zhunong.live.auth.Viewer;
import cn.zhunong.live.config.LiveProperties;
import cn.zhunong.live.fanout.BusMessage;
import cn.zhunong.live.fanout.ClusterBus;
import cn.zhunong.live.fanout.EncodedPacket;
import cn.zhunong.live.fanout.Fanout;
import cn.zhunong.live.fanout.PacketCodec;
import com.corundumstudio.socketio.SocketIOClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rooms and connections of this node, and the chat tick: every {@code zhunong.live.tick}, each
 * room's newly accepted chat goes to Redis as one message, and the chat that arrived from all nodes
 * goes to local viewers as one packet, encoded once.
 */
@Component
public class LocalRooms {

    private static final Logger log = LoggerFactory.getLogger(LocalRooms.class);

    private final Map<UUID, Connection> connections = new ConcurrentHashMap<>();
    private final Map<Long, LocalRoom> rooms = new ConcurrentHashMap<>();
    private final ClusterBus bus;
    private final Fanout fanout;
    private final PacketCodec codec;
    private final int maxBatch;
    private final boolean batching;
    private final Counter chatNotShown;

    public LocalRooms(ClusterBus bus, Fanout fanout, PacketCodec codec, LiveProperties properties, MeterRegistry meters) {
        this.bus = bus;
        this.fanout = fanout;
        this.codec = codec;
        this.maxBatch = properties.chat().maxBatch();
        this.batching = properties.chat().batching();
        this.chatNotShown = Counter.builder("live.chat.not.broadcast")
                .description("messages stored but not broadcast because a room exceeded the per-tick batch").register(meters);
        Gauge.builder("live.connections", connections, Map::size).register(meters);
        Gauge.builder("live.rooms", rooms, Map::size).register(meters);
        bus.onMessage(this::onBusMessage);
    }

    /**
     * The connection of a socket.io client, created anonymous on first use: the connect listener
     * and the CONNECT packet's auth can run in either order (see LiveSocketHandlers).
     */
    public Connection connectionOf(SocketIOClient client) {
        return connections.computeIfAbsent(client.getSessionId(),
                id -> new Connection(client, Viewer.anonymous(), "s:" + id));
    }

    public Connection connection(UUID id) {
        return connections.get(id);
    }

    public Connection removeConnection(UUID id) {
        return connections.remove(id);
    }

    public Collection<Connection> connections() {
        return connections.values();
    }

    public LocalRoom room(long sessionId) {
        return rooms.get(sessionId);
    }

    public Collection<LocalRoom> rooms() {
        return rooms.values();
    }

    /**
     * Adds a member, creating the room (and subscribing to its channel, which waits for Redis's
     * confirmation) on first use. Synchronized with {@link #removeIfIdle} so a room is never removed
     * while someone joins it.
     */
    public synchronized LocalRoom join(long sessionId, SessionInfo info, Connection connection) {
        LocalRoom room = rooms.get(sessionId);
        if (room == null) {
            bus.subscribe(sessionId);
            room = new LocalRoom(sessionId, info);
            rooms.put(sessionId, room);
        } else {
            room.info = info;
        }
        room.members.put(connection.id(), connection);
        room.emptySince = 0;
        return room;
    }

    public void leave(long sessionId, Connection connection) {
        LocalRoom room = rooms.get(sessionId);
        if (room != null && room.members.remove(connection.id()) != null && room.members.isEmpty()) {
            room.emptySince = System.currentTimeMillis();
        }
    }

    /** Drops a room nobody has been in for a while (its last counts already went to Redis). */
    public synchronized boolean removeIfIdle(LocalRoom room, long now, long idleMillis) {
        if (!room.members.isEmpty() || room.emptySince == 0 || now - room.emptySince < idleMillis
                || !room.toPublish.isEmpty() || room.likesDelta.get() != 0 || room.chatsDelta.get() != 0) {
            return false;
        }
        rooms.remove(room.sessionId());
        try {
            bus.unsubscribe(room.sessionId());
        } catch (RuntimeException e) {
            log.warn("Could not unsubscribe from room {}: {}", room.sessionId(), e.toString());
        }
        return true;
    }

    /** Sends one packet to every local member of the room; the packet is encoded by the caller, once. */
    public void broadcastLocal(LocalRoom room, EncodedPacket packet) {
        fanout.deliverAll(room.members.values(), packet);
    }

    /**
     * One chat tick: each room's chat accepted on this node since the last tick goes to every node
     * as one batch. Runs on the single tick thread.
     */
    public void tick() {
        for (LocalRoom room : rooms.values()) {
            try {
                publishAccepted(room);
            } catch (RuntimeException e) {
                log.warn("Chat tick failed for room {}: {}", room.sessionId(), e.toString());
            }
        }
    }

    private void publishAccepted(LocalRoom room) {
        List<ChatItem> batch = drain(room.toPublish, Integer.MAX_VALUE);
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() > maxBatch) {
            // every message is stored already; viewers see the newest ones (nobody reads faster anyway)
            chatNotShown.increment(batch.size() - maxBatch);
            batch = batch.subList(batch.size() - maxBatch, batch.size());
        }
        BusMessage message = bus.message(BusMessage.CHAT);
        bus.publish(room.sessionId(), new BusMessage(message.origin(), BusMessage.CHAT, null, null, null,
                new ArrayList<>(batch), null));
    }

    /**
     * A batch from one node's tick, delivered as it arrives: it is already one packet per room per
     * tick (per node), and waiting for this node's next tick would add up to a tick of latency.
     */
    private void deliverArrived(LocalRoom room, List<ChatItem> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() > maxBatch) {
            chatNotShown.increment(batch.size() - maxBatch);
            batch = batch.subList(batch.size() - maxBatch, batch.size());
        }
        if (room.members.isEmpty()) {
            return;
        }
        if (!batching) {
            // one packet per message: what batching saves, measured by live-bench
            for (ChatItem item : batch) {
                broadcastLocal(room, codec.encode("chat", Map.of("sessionId", room.sessionId(), "messages", List.of(item))));
            }
            return;
        }
        broadcastLocal(room, codec.encode("chat", Map.of("sessionId", room.sessionId(), "messages", batch)));
    }

    private void onBusMessage(long sessionId, BusMessage message) {
        LocalRoom room = rooms.get(sessionId);
        if (room == null) {
            return;
        }
        switch (message.kind()) {
            case BusMessage.CHAT -> {
                if (message.items() != null) {
                    deliverArrived(room, message.items());
                }
            }
            case BusMessage.EVENT -> {
                if (room.members.isEmpty()) {
                    return;
                }
                if (SessionEvents.SESSION_ENDED.equals(message.event())) {
                    SessionInfo info = room.info;
                    room.info = new SessionInfo(sessionId, info == null ? null : info.streamerId(), SessionInfo.ENDED);
                }
                broadcastLocal(room, codec.encode(message.event(), message.payload()));
            }
            case BusMessage.DELETE -> {
                if (!room.members.isEmpty()) {
                    broadcastLocal(room, codec.encode(message.event(), message.payload()));
                }
            }
            case BusMessage.TO_USER, BusMessage.KICK -> toUser(room, message);
            default -> log.debug("Unknown bus message kind {}", message.kind());
        }
    }

    private void toUser(LocalRoom room, BusMessage message) {
        EncodedPacket packet = null;
        for (Connection member : room.members.values()) {
            if (message.userId() != null && message.userId().equals(member.viewer().userId())) {
                if (packet == null) {
                    packet = codec.encode(message.event(), message.payload());
                }
                fanout.deliver(member, packet);
                if (BusMessage.KICK.equals(message.kind())) {
                    member.rooms().remove(room.sessionId());
                    leave(room.sessionId(), member);
                }
            }
        }
    }

    private static <T> List<T> drain(java.util.Queue<T> queue, int max) {
        List<T> items = new ArrayList<>();
        T item;
        while (items.size() < max && (item = queue.poll()) != null) {
            items.add(item);
        }
        return items;
    }
}
