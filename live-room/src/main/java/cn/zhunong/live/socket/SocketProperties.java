package cn.zhunong.live.socket;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the socket.io server listens; port 0 picks a free one (tests, embedded run).
 * {@code nativeTransport} (default off) uses Linux epoll where the native library loads, else NIO.
 */
@ConfigurationProperties("zhunong.live.socketio")
public record SocketProperties(String host, int port, int maxFramePayloadBytes, Boolean nativeTransport) {

    public SocketProperties {
        host = host == null ? "0.0.0.0" : host;
        maxFramePayloadBytes = maxFramePayloadBytes <= 0 ? 64 * 1024 : maxFramePayloadBytes;
        nativeTransport = nativeTransport != null && nativeTransport;
    }
}
