package cn.zhunong.live.socket;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the netty-socketio server with the Spring context: started after the context is ready
 * (and after the Redis subscriptions and the event writer), stopped before it closes. Reports
 * itself to the readiness health group.
 */
@Component("socketio")
public class SocketServerLifecycle implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SocketServerLifecycle.class);

    private final SocketIOServer server;
    private volatile boolean running;
    private final int boundPort;

    public SocketServerLifecycle(SocketProperties properties, LiveSocketHandlers handlers, FloodGuard floodGuard,
            UpgradeWatch upgradeWatch, SocketExceptions exceptions) {
        Configuration config = new Configuration();
        config.setHostname(properties.host());
        this.boundPort = properties.port() == 0 ? freePort() : properties.port();
        config.setPort(boundPort);
        config.setMaxFramePayloadLength(properties.maxFramePayloadBytes());
        config.setMaxHttpContentLength(properties.maxFramePayloadBytes());
        // netty's native Linux transport (its usual advice on Linux); NIO where the native library does not load
        config.setUseLinuxNativeEpoll(properties.nativeTransport() && Epoll.isAvailable());
        config.setJsonSupport(new LiveJsonSupport());
        config.setExceptionListener(exceptions);
        // acks are sent by our handlers ({ok, ...} or {ok:false, code, message}), never automatically
        config.setAckMode(AckMode.MANUAL);
        // per-message deflate would compress every broadcast once per recipient, undoing encode-once
        config.setWebsocketCompression(false);
        config.setHttpCompression(false);
        config.setAddVersionHeader(false);
        SocketConfig socket = new SocketConfig();
        socket.setReuseAddress(true);
        config.setSocketConfig(socket);
        this.server = new SocketIOServer(config);
        server.setPipelineFactory(new SocketIOChannelInitializer() {
            @Override
            protected void addSocketioHandlers(ChannelPipeline pipeline) {
                super.addSocketioHandlers(pipeline);
                // transports re-inject decoded frames at the pipeline head, so this sees every packet
                pipeline.addBefore(PACKET_HANDLER, "zhunongFloodGuard", floodGuard);
                pipeline.addBefore(PACKET_HANDLER, "zhunongUpgradeWatch", upgradeWatch);
            }
        });
        handlers.register(server);
    }

    @Override
    public void start() {
        server.startAsync().syncUninterruptibly();
        running = true;
        log.info("socket.io server listening on port {} ({})", boundPort,
                server.getConfiguration().isUseLinuxNativeEpoll() ? "epoll" : "nio");
    }

    @Override
    public void stop() {
        server.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public int port() {
        return boundPort;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Health health() {
        return running ? Health.up().withDetail("port", boundPort).build() : Health.down().build();
    }
}
