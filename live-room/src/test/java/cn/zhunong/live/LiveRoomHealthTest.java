package cn.zhunong.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.live.socket.SocketServerLifecycle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** live-room starts, serves socket.io handshakes, and reports liveness, readiness and metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {LiveRoomApplication.CONFIG_NAME, "zhunong.live.socketio.port=0"})
class LiveRoomHealthTest {

    private static EmbeddedInfra infra;

    @LocalServerPort
    int port;

    @Autowired
    SocketServerLifecycle socket;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        if (infra == null) {
            infra = EmbeddedInfra.start(null, "live_test");
        }
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", infra::redisPort);
    }

    @AfterAll
    static void stop() {
        infra.close();
        infra = null;
    }

    @Test
    void healthProbesAndMetrics() throws Exception {
        assertThat(get("http://127.0.0.1:" + port + "/actuator/health/liveness").body()).contains("\"UP\"");
        HttpResponse<String> readiness = get("http://127.0.0.1:" + port + "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        HttpResponse<String> metrics = get("http://127.0.0.1:" + port + "/actuator/prometheus");
        assertThat(metrics.body()).as("status %d", metrics.statusCode()).contains("jvm_memory_used_bytes");
        assertThat(get("http://127.0.0.1:" + port + "/actuator/health/liveness").headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void socketIoHandshakeAnswers() throws Exception {
        HttpResponse<String> handshake = get("http://127.0.0.1:" + socket.port() + "/socket.io/?EIO=4&transport=polling");
        assertThat(handshake.statusCode()).isEqualTo(200);
        assertThat(handshake.body()).startsWith("0{").contains("\"sid\"");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
