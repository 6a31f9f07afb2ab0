package cn.zhunong.live.fanout;

import io.netty.buffer.ByteBuf;

/**
 * A socket.io event serialized once for every recipient.
 *
 * @param frame the complete engine.io/socket.io text ({@code 42["event",{...}]}) in a buffer that is
 *              never released (each recipient gets a {@link ByteBuf#duplicate() duplicate}: shared
 *              bytes, own read index), written as a WebSocket text frame as it is
 * @param json  the event's argument as JSON, for the few clients still on HTTP long-polling
 */
public record EncodedPacket(String event, ByteBuf frame, String json) {

    public int size() {
        return frame.readableBytes();
    }
}
