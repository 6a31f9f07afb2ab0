package cn.zhunong.live.fanout;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.TransportState;
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
