package cn.zhunong.live.socket;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Keeps a WebSocket upgrade from stalling. On the client's probe netty-socketio 2.0.14 answers
 * "3probe" on the WebSocket and sends ONE noop on polling, to end the poll the client must finish
 * before it switches. When that noop overtakes the "3probe", the client starts one more poll, then
 * pauses polling and waits for that poll to end — which nothing ends until the ping 25 s later;
 * meanwhile everything it sends (its CONNECT, a "join") waits in its upgrade buffer. Seen here in
 * about one connection in 400. Like the reference engine.io server, this sends a noop every
 * {@link #INTERVAL_MILLIS} ms while the upgrade is pending (at most one waits in the queue).
 */
@Component
@Sharable
public class UpgradeWatch extends ChannelInboundHandlerAdapter {

    private static final long INTERVAL_MILLIS = 100;
    /** a probe not followed by the upgrade within this many intervals is abandoned by the client */
    private static final int MAX_NUDGES = 100;
    private static final String PROBE = "2probe";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof PacketsMessage packets && packets.getTransport() == Transport.WEBSOCKET
                && packets.getClient() != null && isProbe(packets.getContent())) {
            nudgeLater(packets.getClient(), ctx.executor(), MAX_NUDGES);
        }
        super.channelRead(ctx, msg);
    }

    private static boolean isProbe(ByteBuf content) {
        return content.readableBytes() == PROBE.length() && content.toString(StandardCharsets.US_ASCII).equals(PROBE);
    }

    private static void nudgeLater(ClientHead client, EventExecutor executor, int left) {
        executor.schedule(() -> {
            if (left == 0 || !client.isConnected() || client.getCurrentTransport() != Transport.POLLING) {
                return;
            }
            if (client.getPacketsQueue(Transport.POLLING).isEmpty()) {
                // ends a waiting poll at once; else it is the answer to the client's next poll
                client.send(new Packet(PacketType.NOOP, client.getEngineIOVersion()), Transport.POLLING);
            }
            nudgeLater(client, executor, left - 1);
        }, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }
}
