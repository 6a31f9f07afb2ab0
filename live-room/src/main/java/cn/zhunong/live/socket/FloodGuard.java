package cn.zhunong.live.socket;

import cn.zhunong.live.config.LiveProperties;
import cn.zhunong.live.fanout.Fanout;
import cn.zhunong.live.room.Connection;
import cn.zhunong.live.room.LocalRooms;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.messages.PacketsMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.springframework.stereotype.Component;

/**
 * Counts every socket.io packet a connected client sends, whatever it is (known or unknown
 * events, acks, garbage), before netty-socketio decodes it. A client above
 * {@code zhunong.live.flood.max-packets} per window is told FLOODING and disconnected; its packets
 * are dropped unread, so a flood costs the node almost nothing and other clients nothing.
 */
@Component
@Sharable
public class FloodGuard extends ChannelInboundHandlerAdapter {

    /** engine.io v4 separates packets in one polling payload with the record separator */
    private static final byte RECORD_SEPARATOR = 0x1e;

    private final LocalRooms rooms;
    private final Fanout fanout;
    private final int maxPackets;
    private final long windowMillis;
    private final Counter flooders;

    public FloodGuard(LocalRooms rooms, Fanout fanout, LiveProperties properties, MeterRegistry meters) {
        this.rooms = rooms;
        this.fanout = fanout;
        this.maxPackets = properties.flood().maxPackets();
        this.windowMillis = properties.flood().window().toMillis();
        this.flooders = Counter.builder("live.clients.flooding.disconnected").register(meters);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof PacketsMessage packets && packets.getClient() != null) {
            Connection connection = rooms.connection(packets.getClient().getSessionId());
            if (connection != null) {
                if (connection.closing()) {
                    return;
                }
                if (!connection.allowPackets(System.currentTimeMillis(), count(packets), maxPackets, windowMillis)) {
                    flooders.increment();
                    fanout.disconnect(connection, "FLOODING", "发送过于频繁，连接已断开");
                    return;
                }
            }
        }
        super.channelRead(ctx, msg);
    }

    private static int count(PacketsMessage message) {
        if (message.getTransport() == Transport.WEBSOCKET) {
            return 1;
        }
        ByteBuf content = message.getContent();
        int separators = 0;
        for (int i = content.readerIndex(); i < content.writerIndex(); i++) {
            if (content.getByte(i) == RECORD_SEPARATOR) {
                separators++;
            }
        }
        return separators + 1;
    }
}
