package cn.zhunong.live.socket;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.live.room.Connection;
import cn.zhunong.live.room.LocalRooms;
import cn.zhunong.live.support.LiveRoomTest;
import cn.zhunong.live.support.TestTokens;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * netty-socketio runs the connect listener and the CONNECT packet's auth listener in either order:
 * over long-polling the handshake GET flushes the OPEN packet before it runs the connect listener,
 * and the client's CONNECT POST can be handled on another event loop in between. No network timing
 * reaches that window reliably, so these tests call the namespace's two entry points in each order
 * on a socket.io server (not started) that carries the application's handlers.
 */
class ConnectOrderTest extends LiveRoomTest {

    @Autowired
    LiveSocketHandlers handlers;

    @Autowired
    LocalRooms rooms;

    private Namespace namespace;
    private SocketIOClient client;

    @BeforeEach
    void registerHandlersOnAFreshServer() {
        SocketIOServer server = new SocketIOServer(new Configuration());
        handlers.register(server);
        namespace = (Namespace) server.getNamespace(Namespace.DEFAULT_NAME);
        client = client(UUID.randomUUID());
    }

    @AfterEach
    void disconnect() {
        namespace.onDisconnect(client);
        assertThat(rooms.connection(client.getSessionId())).isNull();
    }

    @Test
    void aTokenThatArrivesBeforeTheConnectListenerIsKept() {
        long userId = newId();
        AuthTokenResult result = namespace.onAuthData(client, Map.of("token", TestTokens.citizen(userId, "抢先")));
        namespace.onConnect(client);

        assertThat(result.isSuccess()).isTrue();
        Connection connection = rooms.connection(client.getSessionId());
        assertThat(connection.viewer().userId()).isEqualTo(userId);
        assertThat(connection.uniqueKey()).isEqualTo("u:" + userId);
    }

    @Test
    void aTokenThatArrivesAfterTheConnectListenerIdentifiesTheSameConnection() {
        long userId = newId();
        namespace.onConnect(client);
        Connection anonymous = rooms.connection(client.getSessionId());
        assertThat(anonymous.viewer().isAnonymous()).isTrue();

        namespace.onAuthData(client, Map.of("token", TestTokens.citizen(userId, "按序")));

        assertThat(rooms.connection(client.getSessionId())).isSameAs(anonymous);
        assertThat(anonymous.viewer().userId()).isEqualTo(userId);
    }

    @Test
    void aBadTokenThatArrivesFirstIsRefusedAndTheConnectionStaysClosing() {
        AuthTokenResult result = namespace.onAuthData(client, Map.of("token", TestTokens.expired(newId())));
        namespace.onConnect(client);

        assertThat(result.isSuccess()).isFalse();
        Connection connection = rooms.connection(client.getSessionId());
        assertThat(connection.closing()).isTrue();
        assertThat(connection.viewer().isAnonymous()).isTrue();
    }

    /** A socket.io client as the namespace sees it: its session id, handshake headers and rooms. */
    private static SocketIOClient client(UUID sessionId) {
        HandshakeData handshake = new HandshakeData(new DefaultHttpHeaders(), Map.of(), null, "/socket.io/", false);
        return (SocketIOClient) Proxy.newProxyInstance(SocketIOClient.class.getClassLoader(), new Class<?>[] {SocketIOClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSessionId" -> sessionId;
                    case "getHandshakeData" -> handshake;
                    case "getAllRooms" -> Set.of();
                    case "hashCode" -> sessionId.hashCode();
                    case "equals" -> proxy == args[0];
                    case "toString" -> "client " + sessionId;
                    default -> null;
                });
    }
}
