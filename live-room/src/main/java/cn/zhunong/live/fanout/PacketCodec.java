package cn.zhunong.live.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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
 * for each of them. Room broadcasts therefore bypass it: {@link Fanout} writes this pre-encoded frame
 * to each WebSocket channel. {@link #encodedCount} counts the encodings, so tests can prove one
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
        byte[] bytes = ("42[\"" + event + "\"," + body + "]").getBytes(StandardCharsets.UTF_8);
        ByteBuf frame = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
        encoded.computeIfAbsent(event, e -> new AtomicLong()).incrementAndGet();
        encodedCounter.increment();
        return new EncodedPacket(event, frame, body);
    }

    /** How many packets of that event this node has serialized. */
    public long encodedCount(String event) {
        AtomicLong count = encoded.get(event);
        return count == null ? 0 : count.get();
    }
}
