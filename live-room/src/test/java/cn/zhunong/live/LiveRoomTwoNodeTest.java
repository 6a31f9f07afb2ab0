package cn.zhunong.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.live.support.JavaClient;
import cn.zhunong.live.support.LiveRoomTest;
import cn.zhunong.live.support.NodeScript;
import cn.zhunong.live.support.SecondNode;
import cn.zhunong.live.support.TestTokens;
import java.time.Duration;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two live-room nodes as two processes over one Redis: this test's Spring context (node A) and a
 * second JVM (node B). Rooms, chat, moderation and counts span both; a crashed node's viewers stop
 * counting. Driven by socket.io-client-java and by the official JavaScript client under Node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveRoomTwoNodeTest extends LiveRoomTest {

    private static SecondNode nodeB;

    @BeforeAll
    static void startSecondNode() {
        nodeB = SecondNode.start("node-b");
    }

    @AfterAll
    static void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    @Order(1)
    void javaClientsOnTwoNodesShareARoom() {
        long streamer = newId();
        long session = liveSession(streamer);
        long viewerId = newId();
        try (JavaClient host = JavaClient.connect(socketUrl(), TestTokens.host(newId(), streamer, "阿妹"));
                JavaClient viewer = JavaClient.connect(nodeB.socketUrl(), TestTokens.citizen(viewerId, "小王"));
                JavaClient other = JavaClient.connect(nodeB.socketUrl(), null)) {
            host.join(session);
            viewer.join(session);
            other.join(session);

            String fromA = host.chat(session, "大家好，我是阿妹").getString("id");
            assertThat(viewer.awaitChat("大家好，我是阿妹").getString("id")).isEqualTo(fromA);
            assertThat(other.awaitChat("大家好，我是阿妹").getString("role")).isEqualTo("HOST");
            viewer.chat(session, "阿妹好");
            assertThat(host.awaitChat("阿妹好").getLong("userId")).isEqualTo(viewerId);

            // counts add up across nodes: 1 on A + 2 on B, seen the same on both
            host.await("stats", s -> s.getLong("online") == 3);
            other.await("stats", s -> s.getLong("online") == 3 && s.getLong("unique") >= 3);

            host.request("mute", new JSONObject().put("sessionId", session).put("userId", viewerId));
            viewer.await("muted");
            assertThat(viewer.chat(session, "嗯？").getString("code")).isEqualTo("MUTED");
        }
    }

    @Test
    @Order(2)
    void theJavaScriptClientRunsTheRoomAcrossBothNodes() {
        long streamer = newId();
        long session = liveSession(streamer);
        long viewerId = newId();
        JSONObject scenario = new JSONObject()
                .put("nodeA", socketUrl())
                .put("nodeB", nodeB.socketUrl())
                .put("sessionId", session)
                .put("hostToken", TestTokens.host(newId(), streamer, "阿妹"))
                .put("viewerToken", TestTokens.citizen(viewerId, "小陈"))
                .put("viewerId", viewerId)
                .put("expiredToken", TestTokens.expired(newId()))
                .put("flashSkuId", shelfSku(session, "从江椪柑", 3990, 100));
        JSONObject result;
        // the buyers: whatever sale the scenario starts is bought out as mall-api would take it
        try (FlashBuyer buyer = new FlashBuyer(redis, session)) {
            result = NodeScript.run("scenario.js", Map.of("SCENARIO", scenario.toString()), Duration.ofSeconds(90));
        }
        assertThat(result.getBoolean("ok")).as(result.toString()).isTrue();
        JSONObject checks = result.getJSONObject("checks");
        assertThat(checks.getString("expiredToken")).isEqualTo("TOKEN_INVALID");
        assertThat(checks.getString("hostRole")).isEqualTo("HOST");
        assertThat(checks.getString("viewerRole")).isEqualTo("VIEWER");
        assertThat(checks.getBoolean("anonymousJoined")).isTrue();
        assertThat(checks.getString("anonymousChat")).isEqualTo("LOGIN_REQUIRED");
        assertThat(checks.getString("chatFromBOnA")).isEqualTo("黄皮 *** 好甜");
        assertThat(checks.getString("chatFromAOnB")).isEqualTo("HOST");
        assertThat(checks.getString("viewerExplain")).isEqualTo("FORBIDDEN");
        assertThat(checks.getString("viewerFlashStart")).isEqualTo("FORBIDDEN");
        assertThat(checks.getString("flashSaleOnB")).isEqualTo("3@990");
        assertThat(checks.getBoolean("flashSoldOutOnB")).isTrue();
        assertThat(checks.getInt("flashSoldOutOnA")).isZero();
        assertThat(checks.getString("explainingOnB")).isEqualTo("从江椪柑");
        assertThat(checks.getBoolean("muteAck")).isTrue();
        assertThat(checks.getString("mutedChat")).isEqualTo("MUTED");
        assertThat(checks.getBoolean("deletedOnB")).isTrue();
        assertThat(checks.getString("unknownEvent")).isEqualTo("UNKNOWN_EVENT");
        assertThat(checks.getInt("online")).isEqualTo(3);
        assertThat(checks.getString("kickedReason")).isEqualTo("测试");
        assertThat(checks.getString("rejoin")).isEqualTo("BANNED");
    }

    @Test
    @Order(3)
    void aCrashedNodesViewersStopCounting() {
        long session = liveSession(newId());
        try (JavaClient onA = JavaClient.connect(socketUrl(), null);
                JavaClient onB1 = JavaClient.connect(nodeB.socketUrl(), null);
                JavaClient onB2 = JavaClient.connect(nodeB.socketUrl(), null)) {
            onA.join(session);
            onB1.join(session);
            onB2.join(session);
            onA.await("stats", s -> s.getLong("online") == 3);
            nodeB.kill();
            // node B's heartbeat expires (ttl 3 s): its two viewers no longer count; the peak remains
            JSONObject after = onA.await("stats", s -> s.getLong("online") == 1);
            assertThat(after.getLong("peak")).isEqualTo(3);
        }
    }

    /** Takes every unit of the session's flash sale as soon as one appears (what buyers through mall-api do). */
    private static final class FlashBuyer implements AutoCloseable {

        private final Thread thread;
        private volatile boolean running = true;

        FlashBuyer(org.springframework.data.redis.core.StringRedisTemplate redis, long session) {
            cn.zhunong.common.live.FlashSaleStock stock = new cn.zhunong.common.live.FlashSaleStock(redis);
            thread = new Thread(() -> {
                long buyer = 1;
                while (running) {
                    Long sale = stock.latestId(session);
                    if (sale != null && stock.remaining(sale) > 0) {
                        stock.take(sale, buyer, 1, "order-" + buyer, System.currentTimeMillis());
                        buyer++;
                    } else {
                        java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
                    }
                }
            }, "flash-buyer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
