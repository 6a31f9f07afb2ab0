package cn.zhunong.live.fanout;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.EncoderHandler;
import com.corundumstudio.socketio.handler.TransportState;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.channel.Channel;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The netty channel behind a socket.io client. netty-socketio 2.0.14 keeps it in the private map
 * {@code ClientHead.channels}; there is no public getter, so it is read once by reflection (the jar
 * runs on the class path, so the field is accessible). If a later version renames the field, this
 * returns null and {@link Fanout} falls back to netty-socketio's own (per-recipient) send path:
 * slower, never wrong.
 */
final class ClientChannels {

    private static final Logger log = LoggerFactory.getLogger(ClientChannels.class);
    private static final Field CHANNELS = channelsField();

    private ClientChannels() {
    }

    /** The WebSocket channel once the client has upgraded to it, else null (polling or closed). */
    static Channel websocket(SocketIOClient client) {
        if (CHANNELS == null || client.getTransport() != Transport.WEBSOCKET || !(client instanceof NamespaceClient nc)) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<Transport, TransportState> states = (Map<Transport, TransportState>) CHANNELS.get(nc.getBaseClient());
            TransportState state = states.get(Transport.WEBSOCKET);
            Channel channel = state == null ? null : state.getChannel();
            return channel != null && channel.isActive() ? channel : null;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Unsticks a WebSocket upgrade. On the client's probe netty-socketio 2.0.14 answers "3probe" on
     * the WebSocket and sends ONE noop on the polling transport, to end the poll the client must
     * finish before it switches. If the noop overtakes the "3probe" the client starts one more poll,
     * then pauses polling and waits for that poll to end — which nothing ends until the ping 25 s
     * later; meanwhile everything it emits waits in its upgrade buffer (seen as a "join" without an
     * ack, about one connection in 400 here). The reference engine.io server keeps sending noops
     * while an upgrade is pending; this does the same from the once-a-second sweep: a client still
     * on polling with an open WebSocket and an unanswered poll gets a noop on that poll. A client
     * that is not upgrading just polls again.
     */
    static void nudgePendingUpgrade(SocketIOClient client) {
        if (CHANNELS == null || client.getTransport() != Transport.POLLING || !(client instanceof NamespaceClient nc)) {
            return;
        }
        ClientHead head = nc.getBaseClient();
        try {
            @SuppressWarnings("unchecked")
            Map<Transport, TransportState> states = (Map<Transport, TransportState>) CHANNELS.get(head);
            Channel websocket = states.get(Transport.WEBSOCKET).getChannel();
            Channel poll = states.get(Transport.POLLING).getChannel();
            if (websocket != null && websocket.isActive() && poll != null && poll.isActive()
                    && poll.attr(EncoderHandler.WRITE_ONCE).get() == null) {
                head.send(new Packet(PacketType.NOOP, head.getEngineIOVersion()), Transport.POLLING);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            // internals changed: the client's ping still ends the poll, 25 s later
        }
    }

    /** Packets netty-socketio holds for a polling client until its next poll. */
    static int pollingBacklog(SocketIOClient client) {
        if (client instanceof NamespaceClient nc) {
            Queue<?> queue = nc.getBaseClient().getPacketsQueue(Transport.POLLING);
            return queue == null ? 0 : queue.size();
        }
        return 0;
    }

    static boolean available() {
        return CHANNELS != null;
    }

    private static Field channelsField() {
        try {
            Field field = ClientHead.class.getDeclaredField("channels");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("netty-socketio internals changed: broadcasts are encoded per recipient ({})", e.toString());
            return null;
        }
    }
}
