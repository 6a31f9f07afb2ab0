package cn.zhunong.live.socket;

import cn.zhunong.live.auth.TokenVerifier;
import cn.zhunong.live.auth.Viewer;
import cn.zhunong.live.fanout.Fanout;
import cn.zhunong.live.flash.FlashSales;
import cn.zhunong.live.room.Connection;
import cn.zhunong.live.room.LiveError;
import cn.zhunong.live.room.LocalRooms;
import cn.zhunong.live.room.Payload;
import cn.zhunong.live.room.RoomService;
import cn.zhunong.live.room.SessionEvents;
import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Wires socket.io to the room rules. Connecting: {@code io(url, {auth: {token}})} with mall-api's
 * access token (or an {@code Authorization: Bearer} header); no token means an anonymous viewer; a
 * bad, expired or revoked token is refused with {@code connect_error} whose data has code
 * TOKEN_INVALID. Anonymous viewers may pass {@code auth.deviceId} so unique-viewer counts survive
 * reconnects.
 */
@Component
public class LiveSocketHandlers {

    private static final Logger log = LoggerFactory.getLogger(LiveSocketHandlers.class);
    private static final String DEVICE = "deviceId";
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final TokenVerifier tokens;
    private final LocalRooms rooms;
    private final RoomService service;
    private final Fanout fanout;
    private final MeterRegistry meters;
    private final FlashSales flashSales;

    public LiveSocketHandlers(TokenVerifier tokens, LocalRooms rooms, RoomService service, Fanout fanout, MeterRegistry meters,
            FlashSales flashSales) {
        this.flashSales = flashSales;
        this.tokens = tokens;
        this.rooms = rooms;
        this.service = service;
        this.fanout = fanout;
        this.meters = meters;
    }

    public void register(SocketIOServer server) {
        server.getNamespace(Namespace.DEFAULT_NAME).addAuthTokenListener(this::authenticate);
        server.addConnectListener(this::connected);
        server.addDisconnectListener(this::disconnected);
        on(server, SessionEvents.JOIN, service::join);
        on(server, SessionEvents.LEAVE, service::leave);
        on(server, SessionEvents.CHAT, service::chat);
        on(server, SessionEvents.LIKE, service::like);
        on(server, SessionEvents.EXPLAIN, service::explain);
        on(server, SessionEvents.ANNOUNCE, service::announce);
        on(server, SessionEvents.MUTE, service::mute);
        on(server, SessionEvents.UNMUTE, service::unmute);
        on(server, SessionEvents.KICK, service::kick);
        on(server, SessionEvents.DELETE, service::delete);
        on(server, SessionEvents.END, service::end);
        on(server, SessionEvents.FLASH_START, flashSales::start);
        on(server, SessionEvents.FLASH_END, flashSales::end);
        server.addEventListener(LiveJsonSupport.UNKNOWN_EVENT, Object.class, (client, name, ack) ->
                reject(client, ack, String.valueOf(name), new LiveError(LiveError.UNKNOWN_EVENT, "不支持的操作")));
    }

    /**
     * The CONNECT packet's {@code auth}: {token} identifies the user, {deviceId} an anonymous device.
     * Usually this runs after {@link #connected}, but not always: over long-polling the handshake
     * GET sends the OPEN packet before it runs the connect listener, and the client's CONNECT POST
     * can be handled on another event loop in between. Both use the one connection of
     * {@link LocalRooms#connectionOf}, so neither order loses the identity or a refusal.
     */
    private AuthTokenResult authenticate(Object authData, SocketIOClient client) {
        if (!(authData instanceof Map<?, ?> auth)) {
            return AuthTokenResult.AuthTokenResultSuccess;
        }
        Connection connection = rooms.connectionOf(client);
        Object token = auth.get("token");
        if (token == null || (token instanceof String text && text.isBlank())) {
            if (connection.viewer().isAnonymous() && auth.get(DEVICE) instanceof String device
                    && DEVICE_ID.matcher(device).matches()) {
                connection.identify(connection.viewer(), "d:" + device);
            }
            return AuthTokenResult.AuthTokenResultSuccess;
        }
        try {
            Viewer viewer = tokens.verify(token.toString());
            connection.identify(viewer, "u:" + viewer.userId());
            return AuthTokenResult.AuthTokenResultSuccess;
        } catch (TokenVerifier.InvalidTokenException e) {
            meters.counter("live.auth.refused").increment();
            // refused: everything else this socket sends is ignored until it goes away
            connection.markClosing();
            return new AuthTokenResult(false, Map.of("message", "登录凭证无效或已过期，请重新登录",
                    "data", Map.of("code", "TOKEN_INVALID")));
        }
    }

    /**
     * The socket joined the default namespace: anonymous until the CONNECT packet's auth, unless a
     * Bearer header came with the handshake (an auth token, when it came first, stays).
     */
    private void connected(SocketIOClient client) {
        String header = TokenVerifier.bearer(client.getHandshakeData().getHttpHeaders().get("Authorization"));
        if (header == null) {
            rooms.connectionOf(client);
            return;
        }
        try {
            Viewer viewer = tokens.verify(header);
            Connection connection = rooms.connectionOf(client);
            if (connection.viewer().isAnonymous()) {
                connection.identify(viewer, "u:" + viewer.userId());
            }
        } catch (TokenVerifier.InvalidTokenException e) {
            meters.counter("live.auth.refused").increment();
            rooms.removeConnection(client.getSessionId());
            client.sendEvent(Fanout.CLOSING_EVENT, Map.of("code", "TOKEN_INVALID", "message", "登录凭证无效或已过期，请重新登录"));
            client.disconnect();
        }
    }

    private void disconnected(SocketIOClient client) {
        Connection connection = rooms.removeConnection(client.getSessionId());
        if (connection != null) {
            service.disconnected(connection);
        }
    }

    private void on(SocketIOServer server, String event, BiFunction<Connection, Payload, Map<String, Object>> handler) {
        server.addEventListener(event, Object.class, (client, data, ack) -> {
            Connection connection = rooms.connection(client.getSessionId());
            if (connection == null || connection.closing()) {
                return;
            }
            try {
                Map<String, Object> result = handler.apply(connection, Payload.of(data));
                if (ack.isAckRequested()) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("ok", true);
                    body.putAll(result);
                    ack.sendAckData(body);
                }
            } catch (LiveError e) {
                reject(client, ack, event, e);
            } catch (RuntimeException e) {
                log.warn("{} failed for {}", event, client.getSessionId(), e);
                reject(client, ack, event, new LiveError(LiveError.BUSY, "服务繁忙，请稍后再试"));
            }
        });
    }

    private void reject(SocketIOClient client, AckRequest ack, String event, LiveError error) {
        meters.counter("live.events.rejected", "code", error.code()).increment();
        Map<String, Object> body = new HashMap<>(error.details());
        body.put("code", error.code());
        body.put("message", error.getMessage());
        if (ack.isAckRequested()) {
            body.put("ok", false);
            ack.sendAckData(body);
        } else {
            body.put("event", event);
            client.sendEvent(SessionEvents.REJECTED, body);
        }
    }
}
