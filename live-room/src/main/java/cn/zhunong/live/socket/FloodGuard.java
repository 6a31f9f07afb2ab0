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
    private static final byte ENGINE_IO_MESSAGE = '4';

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
                    // engine.io's own packets (pong, upgrade) still pass: a client refused at CONNECT
                    // may be mid-upgrade, and its connect_error waits in the polling queue until the
                    // upgrade completes; socket.io messages from a closing client are dropped unread
                    if (onlyMessages(packets)) {
                        return;
                    }
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

    /** True when every engine.io packet in the payload is a socket.io message (type '4'). */
    static boolean onlyMessages(PacketsMessage message) {
        ByteBuf content = message.getContent();
        int start = content.readerIndex();
        for (int i = start; i < content.writerIndex(); i++) {
            if (content.getByte(i) == RECORD_SEPARATOR) {
                if (!isMessage(content, start, i)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return isMessage(content, start, content.writerIndex());
    }

    private static boolean isMessage(ByteBuf content, int from, int to) {
        return from < to && content.getByte(from) == ENGINE_IO_MESSAGE;
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
