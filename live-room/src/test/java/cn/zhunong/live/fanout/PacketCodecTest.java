package cn.zhunong.live.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The pre-framed broadcast bytes are what a WebSocket client's frame decoder reads as one text frame. */
class PacketCodecTest {

    private final PacketCodec codec = new PacketCodec(JsonMapper.builder().build(), new SimpleMeterRegistry());

    @Test
    void everyPayloadLengthEncodingDecodesToTheSocketIoText() {
        // 7-bit, 16-bit and 64-bit length forms, and their boundaries
        for (int textLength : new int[] {0, 5, 100, 125, 126, 127, 1_000, 65_535, 65_536, 200_000}) {
            String text = "量".repeat(textLength / 3) + "x".repeat(textLength % 3);
            EncodedPacket packet = codec.encode("chat", Map.of("text", text));

            EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
            client.writeInbound(packet.frame().duplicate());
            TextWebSocketFrame frame = client.readInbound();

            assertThat(frame.isFinalFragment()).isTrue();
            assertThat(frame.text()).isEqualTo("42[\"chat\",{\"text\":\"" + text + "\"}]");
            assertThat((Object) client.readInbound()).isNull();
            frame.release();
        }
    }

    @Test
    void theSharedFrameSurvivesBeingWrittenToManyChannels() {
        EncodedPacket packet = codec.encode("stats", Map.of("online", 3));
        for (int i = 0; i < 3; i++) {
            EmbeddedChannel channel = new EmbeddedChannel();
            channel.writeAndFlush(packet.frame().duplicate());
            channel.<ByteBuf>readOutbound().release();
        }
        assertThat(packet.frame().refCnt()).isPositive();
        // direct: a socket write sends it as it is instead of copying it per recipient
        assertThat(packet.frame().isDirect()).isTrue();
        assertThat(packet.frame().readableBytes()).isEqualTo(2 + "42[\"stats\",{\"online\":3}]".length());
    }
}
