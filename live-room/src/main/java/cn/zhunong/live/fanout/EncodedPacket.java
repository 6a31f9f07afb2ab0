package cn.zhunong.live.fanout;

import io.netty.buffer.ByteBuf;

/**
 * A socket.io event serialized once for every recipient.
 *
 * @param frame the complete WebSocket text frame (unmasked server frame header followed by the
 *              engine.io/socket.io text {@code 42["event",{...}]}) in a buffer that is never
 *              released: each recipient gets a {@link ByteBuf#duplicate() duplicate} (shared bytes,
 *              own read index) written to its channel as raw bytes, past netty's frame encoder
 * @param json  the event's argument as JSON, for the few clients still on HTTP long-polling
 */
public record EncodedPacket(String event, ByteBuf frame, String json) {
}
