package cn.zhunong.live.support;

import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.live.LiveRoomApplication;
import cn.zhunong.live.room.RoomKeys;
import cn.zhunong.live.socket.SocketServerLifecycle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the live-room integration tests: one real node (socket.io + HTTP) on random ports over
 * the shared embedded MariaDB and Redis. Every test class uses exactly these properties, so they
 * all share one Spring context. Tests use their own session ids and user ids, never clean up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    LiveRoomApplication.CONFIG_NAME,
    "zhunong.live.socketio.port=0",
    "zhunong.live.node.id=node-a",
    "zhunong.live.node.heartbeat=1s",
    "zhunong.live.node.ttl=3s",
    "zhunong.live.outbound.max-pending-packets=64",
    "zhunong.live.outbound.slow-client-grace=1s",
})
public abstract class LiveRoomTest {

    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000) * 1000);

    @LocalServerPort
    protected int httpPort;

    @Autowired
    protected SocketServerLifecycle socketServer;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected JdbcTemplate jdbc;

    protected final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = LiveTestInfra.get();
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", infra::redisPort);
        registry.add("spring.datasource.url", infra::jdbcUrl);
        registry.add("spring.datasource.username", infra::dbUser);
        registry.add("spring.datasource.password", infra::dbPassword);
        registry.add("zhunong.security.jwt-secret", () -> LiveTestInfra.JWT_SECRET);
    }

    /** A fresh id for sessions, users and streamers of one test. */
    protected static long newId() {
        return IDS.incrementAndGet();
    }

    protected String socketUrl() {
        return "http://127.0.0.1:" + socketServer.port();
    }

    /** What mall-api will publish for a live session: its streamer and status, and its assistants. */
    protected long liveSession(long streamerId, long... assistantUserIds) {
        long sessionId = newId();
        redis.opsForHash().put(RoomKeys.session(sessionId), "streamerId", Long.toString(streamerId));
        redis.opsForHash().put(RoomKeys.session(sessionId), "status", "LIVE");
        for (long assistant : assistantUserIds) {
            redis.opsForSet().add(RoomKeys.assistants(sessionId), Long.toString(assistant));
        }
        return sessionId;
    }

    /**
     * A SKU on the session's shelf (小黄车), as mall-api's catalog and shelf endpoints leave them. The
     * session exists only in Redis here, so the rows that would own it (agency, village, pairing,
     * live_session) are skipped: foreign-key checks are off for these three inserts only.
     */
    protected long shelfSku(long sessionId, String productName, long priceFen, int stock) {
        long product = newId();
        long sku = newId();
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET FOREIGN_KEY_CHECKS = 0");
                try {
                    try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO product (id, agency_id, village_id, name, "
                            + "status, created_at, updated_at) VALUES (?, 1, 1, ?, 'ON_SALE', NOW(3), NOW(3))")) {
                        p.setLong(1, product);
                        p.setString(2, productName);
                        p.executeUpdate();
                    }
                    try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO sku (id, product_id, spec, unit, "
                            + "report_milli_units, price_fen, stock, created_at, updated_at) "
                            + "VALUES (?, ?, '5斤装', 'JIN', 1000, ?, ?, NOW(3), NOW(3))")) {
                        p.setLong(1, sku);
                        p.setLong(2, product);
                        p.setLong(3, priceFen);
                        p.setInt(4, stock);
                        p.executeUpdate();
                    }
                    try (java.sql.PreparedStatement p = c.prepareStatement(
                            "INSERT INTO live_session_shelf (session_id, position, sku_id) VALUES (?, 1, ?)")) {
                        p.setLong(1, sessionId);
                        p.setLong(2, sku);
                        p.executeUpdate();
                    }
                } finally {
                    st.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
            return null;
        });
        return sku;
    }

    protected HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
