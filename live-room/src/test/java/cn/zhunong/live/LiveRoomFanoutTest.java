package cn.zhunong.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.live.fanout.EncodedPacket;
import cn.zhunong.live.fanout.PacketCodec;
import cn.zhunong.live.room.LocalRoom;
import cn.zhunong.live.room.LocalRooms;
import cn.zhunong.live.support.JavaClient;
import cn.zhunong.live.support.LiveRoomTest;
import cn.zhunong.live.support.RawSocketIo;
import cn.zhunong.live.support.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Fan-out: chat batched per tick and encoded once per packet; slow, malformed and oversized clients contained. */
class LiveRoomFanoutTest extends LiveRoomTest {

    @Autowired
    PacketCodec codec;

    @Autowired
    LocalRooms rooms;

    @Test
    void chatIsBatchedPerTickAndEachPacketIsEncodedOnceForAllRecipients() {
        long session = liveSession(newId());
        List<JavaClient> viewers = new ArrayList<>();
        try (JavaClient sender = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "发送者"), true)) {
            for (int i = 0; i < 5; i++) {
                JavaClient viewer = JavaClient.connect(socketUrl(), null, true);
                viewer.join(session);
                viewers.add(viewer);
            }
            sender.join(session);
            long encodedBefore = codec.encodedCount("chat");

            for (int i = 1; i <= 5; i++) {
                sender.emit("chat", new JSONObject().put("sessionId", session).put("text", "消息" + i));
            }
            for (JavaClient viewer : viewers) {
                viewer.awaitChat("消息5");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> viewers.stream().allMatch(v -> v.chatMessagesReceived() == 5));

            int packetsPerViewer = viewers.get(0).count("chat");
            assertThat(viewers).allMatch(v -> v.count("chat") == packetsPerViewer);
            // five messages sent back to back arrive in one or two packets (tick = 150 ms), not five
            assertThat(packetsPerViewer).isBetween(1, 2);
            // six recipients (five viewers and the sender), yet each packet was serialized once
            assertThat(codec.encodedCount("chat") - encodedBefore).isEqualTo(packetsPerViewer);
        } finally {
            viewers.forEach(JavaClient::close);
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffWithoutSlowingTheRoom() {
        long session = liveSession(newId());
        try (RawSocketIo stuck = RawSocketIo.connect(socketServer.port(), 4096);
                JavaClient fast = JavaClient.connect(socketUrl(), null, true)) {
            assertThat(stuck.join(session)).contains("\"ok\":true");
            fast.join(session);
            LocalRoom room = rooms.room(session);
            UUID stuckId = UUID.fromString(stuck.sid());
            assertThat(rooms.connection(stuckId)).isNotNull();

            // one 16 KB packet, encoded once, sent 600 times (~10 MB): far more than the stuck client's
            // socket buffers plus its 64-packet queue; the fast client keeps up round by round
            EncodedPacket big = codec.encode("announcement", Map.of("sessionId", session, "text", "秒".repeat(5400)));
            int rounds = 30;
            int perRound = 20;
            for (int round = 1; round <= rounds; round++) {
                for (int i = 0; i < perRound; i++) {
                    rooms.broadcastLocal(room, big);
                }
                int expected = round * perRound;
                await().atMost(Duration.ofSeconds(30)).until(() -> fast.count("announcement") >= expected);
            }
            assertThat(fast.count("announcement")).isEqualTo(rounds * perRound);

            // the stuck client was dropped (its queue stayed full past the 1 s grace) and is gone
            await().atMost(Duration.ofSeconds(30)).until(() -> rooms.connection(stuckId) == null);
            assertThat(room.size()).isEqualTo(1);
            assertThat(fast.connected()).isTrue();
        }
    }

    @Test
    void malformedAndOversizedPacketsCloseOnlyTheSender() {
        long session = liveSession(newId());
        try (JavaClient bystander = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "旁观者"))) {
            bystander.join(session);
            String[] garbage = {"42[\"chat\",{\"sessionId\":", "4X[]", "9999", "42/nonexistent,[\"join\"]", "42[12,{}]"};
            for (String packet : garbage) {
                try (RawSocketIo bad = RawSocketIo.connect(socketServer.port(), 0)) {
                    bad.join(session);
                    bad.sendText(packet);
                    // the connection survives or is closed, but the server and the room carry on
                    assertThat(bystander.request("like", new JSONObject().put("sessionId", session)).getBoolean("ok")).isTrue();
                }
            }
            try (RawSocketIo huge = RawSocketIo.connect(socketServer.port(), 0)) {
                huge.join(session);
                huge.sendText("42[\"chat\",{\"sessionId\":" + session + ",\"text\":\"" + "x".repeat(40_000) + "\"}]");
                assertThat(huge.closedByServer()).isTrue();
            }
            JSONObject after = bystander.chat(session, "一切如常");
            assertThat(after.getBoolean("ok")).isTrue();
            bystander.awaitChat("一切如常");
        }
    }
}
