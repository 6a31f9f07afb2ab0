package cn.zhunong.live.fanout;

import cn.zhunong.live.config.LiveProperties;
import cn.zhunong.live.room.Connection;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.fasterxml.jackson.databind.util.RawValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends broadcast packets to local clients with a bounded queue per client.
 *
 * <p>WebSocket clients (all clients after the first few hundred milliseconds) get the pre-framed
 * bytes written straight to their channel: no per-recipient serialization, framing or copy (the
 * frame is a duplicate of one shared buffer). Clients still on HTTP long-polling go through
 * netty-socketio's queue with the payload as pre-serialized raw JSON, so only the small envelope is
 * written per recipient.
 *
 * <p>A slow client cannot stall a room (writes never block the sender; netty queues them per
 * channel) nor exhaust memory: at most {@code maxPendingPackets} broadcast frames wait per client,
 * newer ones are dropped for it (chat is ephemeral; stats and state are resent), and a client that
 * stays full for {@code slowClientGrace} is disconnected with the reason SLOW_CLIENT.
 */
@Component
public class Fanout {

    public static final String CLOSING_EVENT = "closing";
    private static final Logger log = LoggerFactory.getLogger(Fanout.class);

    private final int maxPending;
    private final long graceMillis;
    private final Counter dropped;
    private final Counter slowDisconnects;

    public Fanout(LiveProperties properties, MeterRegistry meters) {
        this.maxPending = properties.outbound().maxPendingPackets();
        this.graceMillis = properties.outbound().slowClientGrace().toMillis();
        this.dropped = Counter.builder("live.broadcast.dropped").description("packets dropped for slow clients").register(meters);
        this.slowDisconnects = Counter.builder("live.clients.slow.disconnected").register(meters);
    }

    /**
     * Sends one packet to many clients. WebSocket writes are grouped by the event loop that owns
     * the channel and handed to it as one task: written from another thread, every
     * {@code writeAndFlush} would be a task of its own (queue offer, wake-up, promise), which for a
     * room of thousands cost more than the writes themselves.
     */
    public void deliverAll(Collection<Connection> recipients, EncodedPacket packet) {
        Map<EventLoop, List<Recipient>> byLoop = new HashMap<>();
        for (Connection connection : recipients) {
            Channel channel = websocketChannel(connection);
            if (!admit(connection, channel)) {
                continue;
            }
            if (channel == null) {
                sendPolling(connection, packet);
            } else {
                byLoop.computeIfAbsent(channel.eventLoop(), loop -> new ArrayList<>()).add(new Recipient(connection, channel));
            }
        }
        byLoop.forEach((loop, recipientsOfLoop) -> {
            try {
                loop.execute(() -> {
                    for (Recipient recipient : recipientsOfLoop) {
                        writeFrame(recipient.connection(), recipient.channel(), packet);
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                // the server is stopping: these frames will never be written, so they no longer count as pending
                recipientsOfLoop.forEach(recipient -> recipient.connection().pending.decrementAndGet());
            }
        });
    }

    /** @return false when the packet was dropped for this client */
    public boolean deliver(Connection connection, EncodedPacket packet) {
        Channel channel = websocketChannel(connection);
        if (!admit(connection, channel)) {
            return false;
        }
        if (channel == null) {
            sendPolling(connection, packet);
        } else {
            writeFrame(connection, channel, packet);
        }
        return true;
    }

    /** Counts the packet against the client's queue; false when it is dropped (closing or full). */
    private boolean admit(Connection connection, Channel websocket) {
        if (connection.closing()) {
            return false;
        }
        int backlog = websocket != null ? connection.pending.get() : ClientChannels.pollingBacklog(connection.client());
        if (backlog >= maxPending) {
            dropped.increment();
            connection.dropped.incrementAndGet();
            checkSlow(connection, System.currentTimeMillis());
            return false;
        }
        connection.congestedSince = 0;
        if (websocket != null) {
            connection.pending.incrementAndGet();
        }
        return true;
    }

    private static void writeFrame(Connection connection, Channel channel, EncodedPacket packet) {
        // raw bytes pass netty-socketio's encoder and netty's frame encoder untouched (they handle their own types)
        channel.writeAndFlush(packet.frame().duplicate()).addListener(connection.frameWritten);
    }

    private static void sendPolling(Connection connection, EncodedPacket packet) {
        Packet raw = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
        raw.setSubType(PacketType.EVENT);
        raw.setName(packet.event());
        raw.setData(List.of(new RawValue(packet.json())));
        connection.client().send(raw);
    }

    /** Disconnects a client whose queue has stayed full for longer than the grace period. */
    public void checkSlow(Connection connection, long now) {
        Channel channel = websocketChannel(connection);
        int backlog = channel != null ? connection.pending.get() : ClientChannels.pollingBacklog(connection.client());
        if (backlog < maxPending) {
            connection.congestedSince = 0;
            return;
        }
        if (connection.congestedSince == 0) {
            connection.congestedSince = now;
        } else if (now - connection.congestedSince >= graceMillis) {
            slowDisconnects.increment();
            log.info("Disconnecting slow client {} ({} packets waiting, {} dropped)", connection.id(), backlog,
                    connection.dropped.get());
            disconnect(connection, "SLOW_CLIENT", "网络太慢，已断开连接，请重新进入直播间");
        }
    }

    /** Tells the client why (best effort: a stuck client may never read it), then closes it. */
    public void disconnect(Connection connection, String code, String message) {
        if (!connection.markClosing()) {
            return;
        }
        connection.client().sendEvent(CLOSING_EVENT, Map.of("code", code, "message", message));
        connection.client().disconnect();
        Channel channel = connection.channel;
        if (channel != null) {
            // frames still queued for a stuck client are freed with the channel
            channel.close();
        }
    }

    private Channel websocketChannel(Connection connection) {
        Channel channel = connection.channel;
        if (channel != null && channel.isActive()) {
            return channel;
        }
        channel = ClientChannels.websocket(connection.client());
        connection.channel = channel;
        return channel;
    }

    private record Recipient(Connection connection, Channel channel) {
    }
}
