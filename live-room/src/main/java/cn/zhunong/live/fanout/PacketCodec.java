package cn.zhunong.live.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Serializes broadcast events once. netty-socketio 2.0.14 encodes a broadcast per recipient: its
 * {@code BroadcastOperations.send} hands the same {@code Packet} to every client and the
 * per-connection {@code EncoderHandler} runs {@code PacketEncoder.encodePacket} (Jackson included)
 * for each of them, and netty's frame encoder then copies it into a frame per recipient. Room
 * broadcasts therefore bypass both: {@link Fanout} writes this pre-framed WebSocket frame to each
 * WebSocket channel as raw bytes. {@link #encodedCount} counts the encodings, so tests can prove one
 * encoding per broadcast.
 */
@Component
public class PacketCodec {

    private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,32}");

    private final ObjectMapper json;
    private final Map<String, AtomicLong> encoded = new ConcurrentHashMap<>();
    private final Counter encodedCounter;

    public PacketCodec(ObjectMapper json, MeterRegistry meters) {
        this.json = json;
        this.encodedCounter = Counter.builder("live.broadcast.encoded")
                .description("broadcast packets serialized (once per packet, not per recipient)").register(meters);
    }

    /** {@code 4} = engine.io MESSAGE, {@code 2} = socket.io EVENT, default namespace (no "/nsp,"), no ack id. */
    public EncodedPacket encode(String event, Object payload) {
        if (!EVENT_NAME.matcher(event).matches()) {
            throw new IllegalArgumentException("event name " + event);
        }
        String body = json.writeValueAsString(payload);
        byte[] text = ("42[\"" + event + "\"," + body + "]").getBytes(StandardCharsets.UTF_8);
        byte[] header = textFrameHeader(text.length);
        // one direct, contiguous buffer: netty would otherwise copy a heap or composite buffer into a
        // direct one for every recipient's socket write; the JDK frees it when the last duplicate is gone
        ByteBuffer bytes = ByteBuffer.allocateDirect(header.length + text.length).put(header).put(text).flip();
        ByteBuf frame = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
        encoded.computeIfAbsent(event, e -> new AtomicLong()).incrementAndGet();
        encodedCounter.increment();
        return new EncodedPacket(event, frame, body);
    }

    /**
     * The header of a final, unmasked WebSocket text frame (RFC 6455 §5.2) with that payload length:
     * servers never mask, so every recipient can be sent the same bytes.
     */
    static byte[] textFrameHeader(int length) {
        byte finText = (byte) 0x81;
        if (length < 126) {
            return new byte[] {finText, (byte) length};
        }
        if (length < 65_536) {
            return new byte[] {finText, 126, (byte) (length >>> 8), (byte) length};
        }
        return new byte[] {finText, 127, 0, 0, 0, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
            (byte) length};
    }

    /** How many packets of that event this node has serialized. */
    public long encodedCount(String event) {
        AtomicLong count = encoded.get(event);
        return count == null ? 0 : count.get();
    }
}
