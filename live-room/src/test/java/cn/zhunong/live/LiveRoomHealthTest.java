package cn.zhunong.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.live.support.LiveRoomTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** live-room starts, serves socket.io handshakes, and reports liveness, readiness and metrics. */
class LiveRoomHealthTest extends LiveRoomTest {

    @Test
    void healthProbesAndMetrics() throws Exception {
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        HttpResponse<String> metrics = get("/actuator/prometheus", null);
        assertThat(metrics.body()).as("status %d", metrics.statusCode()).contains("jvm_memory_used_bytes")
                .contains("live_connections");
        assertThat(get("/actuator/health/liveness", null).headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void socketIoHandshakeAnswers() throws Exception {
        HttpResponse<String> handshake = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(socketUrl() + "/socket.io/?EIO=4&transport=polling")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(handshake.statusCode()).isEqualTo(200);
        assertThat(handshake.body()).startsWith("0{").contains("\"sid\"");
    }
}
