package cn.zhunong.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.live.support.JavaClient;
import cn.zhunong.live.support.LiveRoomTest;
import cn.zhunong.live.support.RawSocketIo;
import cn.zhunong.live.support.TestTokens;
import java.time.Duration;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Joining, chatting, moderating and host-only events with socket.io-client-java against one node. */
class LiveRoomSocketTest extends LiveRoomTest {

    @Test
    void anonymousViewersWatchAndLikeButCannotChat() {
        long streamer = newId();
        long session = liveSession(streamer);
        try (JavaClient anonymous = JavaClient.connect(socketUrl(), null)) {
            JSONObject state = anonymous.join(session);
            assertThat(state.getString("role")).isEqualTo("VIEWER");
            assertThat(state.getString("status")).isEqualTo("LIVE");
            assertThat(state.getJSONObject("stats").has("online")).isTrue();

            JSONObject chat = anonymous.chat(session, "你好");
            assertThat(chat.getBoolean("ok")).isFalse();
            assertThat(chat.getString("code")).isEqualTo("LOGIN_REQUIRED");

            assertThat(anonymous.request("like", new JSONObject().put("sessionId", session).put("count", 3)).getBoolean("ok")).isTrue();
            JSONObject stats = anonymous.await("stats", s -> s.getLong("likes") == 3);
            assertThat(stats.getLong("online")).isEqualTo(1);
        }
    }

    @Test
    void clientsThatStayOnLongPollingGetTheSameBroadcasts() {
        long session = liveSession(newId());
        try (JavaClient polling = JavaClient.connectPolling(socketUrl(), TestTokens.citizen(newId(), "老式浏览器"));
                JavaClient websocket = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "新浏览器"), true)) {
            polling.join(session);
            websocket.join(session);
            websocket.chat(session, "轮询收得到吗");
            assertThat(polling.awaitChat("轮询收得到吗").getString("name")).isEqualTo("新浏览器");
            assertThat(polling.chat(session, "收到了").getBoolean("ok")).isTrue();
            websocket.awaitChat("收到了");
            assertThat(polling.await("stats", s -> s.getLong("online") == 2).getLong("sessionId")).isEqualTo(session);
        }
    }

    @Test
    void badExpiredOrForgedTokensAreRefusedAtConnect() {
        for (String token : new String[] {TestTokens.expired(newId()), "not-a-jwt",
                TestTokens.forged(newId())}) {
            Object error = JavaClient.refused(socketUrl(), token);
            assertThat(String.valueOf(error)).contains("TOKEN_INVALID");
        }
    }

    @Test
    void aRefusalThatCrossesTheTransportUpgradeStillReachesTheClient() {
        // the connect_error waits in the polling queue; the upgrade packet must get through to flush it
        String answer = RawSocketIo.connectDuringUpgrade(socketServer.port(),
                "40" + new JSONObject().put("token", TestTokens.expired(newId())));
        assertThat(answer).startsWith("44").contains("TOKEN_INVALID");
    }

    @Test
    void anUpgradeWhoseNoopOvertookTheProbeAnswerStillCompletes() {
        // the reference engine.io server keeps sending noops while an upgrade is pending; netty-socketio
        // sends one, so UpgradeWatch ends the poll the client waits for (else: 25 s, until the ping)
        long session = liveSession(newId());
        String[] answers = RawSocketIo.upgradeAfterAnOvertakingNoop(socketServer.port(), session, Duration.ofSeconds(5));
        assertThat(answers[0]).isEqualTo("6");
        assertThat(answers[1]).startsWith("431[").contains("\"ok\":true");
    }

    @Test
    void chatIsFilteredBatchedAndLimited() {
        long streamer = newId();
        long session = liveSession(streamer);
        long viewerId = newId();
        try (JavaClient host = JavaClient.connect(socketUrl(), TestTokens.host(newId(), streamer, "阿妹"));
                JavaClient viewer = JavaClient.connect(socketUrl(), TestTokens.citizen(viewerId, "小王"))) {
            assertThat(host.join(session).getString("role")).isEqualTo("HOST");
            assertThat(viewer.join(session).getString("role")).isEqualTo("VIEWER");

            JSONObject sent = viewer.chat(session, "黄皮好甜 加 微-信 13800138000");
            assertThat(sent.getBoolean("ok")).isTrue();
            assertThat(sent.getString("text")).isEqualTo("黄皮好甜 * *** 138****8000");
            JSONObject received = host.awaitChat("黄皮好甜 * *** 138****8000");
            assertThat(received.getLong("userId")).isEqualTo(viewerId);
            assertThat(received.getString("name")).isEqualTo("小王");
            assertThat(received.getString("role")).isEqualTo("VIEWER");
            assertThat(received.getString("id")).isEqualTo(sent.getString("id"));

            assertThat(viewer.chat(session, "  ").getString("code")).isEqualTo("CHAT_EMPTY");
            assertThat(viewer.chat(session, "长".repeat(101)).getString("code")).isEqualTo("CHAT_TOO_LONG");
            assertThat(viewer.chat(session, "长".repeat(100)).getBoolean("ok")).isTrue();
            // 5 per 10 s: two used above, three more pass, the sixth is refused
            for (int i = 0; i < 3; i++) {
                assertThat(viewer.chat(session, "第" + i + "条").getBoolean("ok")).isTrue();
            }
            JSONObject limited = viewer.chat(session, "太快了");
            assertThat(limited.getString("code")).isEqualTo("RATE_LIMITED");
            assertThat(limited.getLong("retryAfterMs")).isPositive();
        }
    }

    @Test
    void hostAndAssistantsModerate() {
        long streamer = newId();
        long assistantId = newId();
        long session = liveSession(streamer, assistantId);
        long viewerId = newId();
        long hostId = newId();
        try (JavaClient host = JavaClient.connect(socketUrl(), TestTokens.host(hostId, streamer, "阿妹"));
                JavaClient assistant = JavaClient.connect(socketUrl(), TestTokens.citizen(assistantId, "场控"));
                JavaClient viewer = JavaClient.connect(socketUrl(), TestTokens.citizen(viewerId, "小李"));
                JavaClient other = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "小赵"))) {
            host.join(session);
            assertThat(assistant.join(session).getString("role")).isEqualTo("ASSISTANT");
            viewer.join(session);
            other.join(session);

            // viewers cannot moderate; assistants cannot act on the host
            JSONObject forbidden = other.request("mute", new JSONObject().put("sessionId", session).put("userId", viewerId));
            assertThat(forbidden.getString("code")).isEqualTo("FORBIDDEN");
            JSONObject upward = assistant.request("mute", new JSONObject().put("sessionId", session).put("userId", hostId));
            assertThat(upward.getString("code")).isEqualTo("CANNOT_MODERATE");

            // delete: everyone sees it go
            String id = viewer.chat(session, "广告广告").getString("id");
            other.awaitChat("广告广告");
            assertThat(assistant.request("delete", new JSONObject().put("sessionId", session).put("messageId", id))
                    .getBoolean("ok")).isTrue();
            assertThat(other.await("chat_deleted").getString("messageId")).isEqualTo(id);

            // mute: the user is told and cannot chat until unmuted
            JSONObject muted = assistant.request("mute", new JSONObject().put("sessionId", session).put("userId", viewerId)
                    .put("minutes", 5).put("reason", "刷屏"));
            assertThat(muted.getBoolean("ok")).isTrue();
            assertThat(viewer.await("muted").getString("reason")).isEqualTo("刷屏");
            assertThat(viewer.chat(session, "我还能说话吗").getString("code")).isEqualTo("MUTED");
            host.request("unmute", new JSONObject().put("sessionId", session).put("userId", viewerId));
            viewer.await("unmuted");
            assertThat(viewer.chat(session, "谢谢主播").getBoolean("ok")).isTrue();

            // kick: out of the room and may not come back
            assertThat(host.request("kick", new JSONObject().put("sessionId", session).put("userId", viewerId)
                    .put("reason", "违规")).getBoolean("ok")).isTrue();
            assertThat(viewer.await("kicked").getString("reason")).isEqualTo("违规");
            assertThat(viewer.chat(session, "还在吗").getString("code")).isEqualTo("NOT_IN_ROOM");
            JSONObject rejoin = viewer.request("join", new JSONObject().put("sessionId", session));
            assertThat(rejoin.getString("code")).isEqualTo("BANNED");
        }
    }

    @Test
    void onlyTheHostExplainsProductsAndEveryoneSeesIt() {
        long streamer = newId();
        long session = liveSession(streamer);
        try (JavaClient host = JavaClient.connect(socketUrl(), TestTokens.host(newId(), streamer, "阿妹"));
                JavaClient otherHost = JavaClient.connect(socketUrl(), TestTokens.host(newId(), newId(), "别的主播"));
                JavaClient viewer = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "小王"))) {
            host.join(session);
            assertThat(otherHost.join(session).getString("role")).isEqualTo("VIEWER");
            viewer.join(session);
            JSONObject card = new JSONObject().put("id", 42).put("name", "从江香猪").put("priceFen", 5990).put("unit", "斤")
                    .put("imageUrl", "https://img.zhunong.cn/p/42.jpg");

            for (JavaClient notHost : new JavaClient[] {viewer, otherHost}) {
                JSONObject refused = notHost.request("explain", new JSONObject().put("sessionId", session).put("product", card));
                assertThat(refused.getString("code")).isEqualTo("FORBIDDEN");
                assertThat(notHost.request("end", new JSONObject().put("sessionId", session)).getString("code")).isEqualTo("FORBIDDEN");
            }
            assertThat(host.request("explain", new JSONObject().put("sessionId", session).put("product", card)).getBoolean("ok")).isTrue();
            JSONObject explaining = viewer.await("explaining");
            assertThat(explaining.getJSONObject("product").getString("name")).isEqualTo("从江香猪");
            assertThat(explaining.getJSONObject("product").getString("id")).isEqualTo("42");

            try (JavaClient late = JavaClient.connect(socketUrl(), null)) {
                JSONObject state = late.join(session);
                assertThat(state.getJSONObject("explaining").getJSONObject("product").getLong("priceFen")).isEqualTo(5990);
            }
            JSONObject badCard = host.request("explain", new JSONObject().put("sessionId", session)
                    .put("product", new JSONObject().put("id", 1).put("name", "x").put("imageUrl", "javascript:alert(1)")));
            assertThat(badCard.getString("code")).isEqualTo("INVALID_PAYLOAD");

            host.request("explain", new JSONObject().put("sessionId", session).put("product", JSONObject.NULL));
            assertThat(viewer.await("explaining", e -> e.isNull("product"))).isNotNull();

            assertThat(host.request("announce", new JSONObject().put("sessionId", session).put("text", "今晚 8 点秒杀"))
                    .getBoolean("ok")).isTrue();
            assertThat(viewer.await("announcement").getString("text")).isEqualTo("今晚 8 点秒杀");
        }
    }

    @Test
    void badInputIsRefusedWithoutAffectingOthers() {
        long streamer = newId();
        long session = liveSession(streamer);
        try (JavaClient viewer = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "小王"));
                JavaClient bystander = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "小刘"))) {
            bystander.join(session);
            assertThat(viewer.request("join", new JSONObject().put("sessionId", newId())).getString("code")).isEqualTo("ROOM_NOT_FOUND");
            assertThat(viewer.request("join", new JSONObject().put("sessionId", "abc")).getString("code")).isEqualTo("INVALID_PAYLOAD");
            assertThat(viewer.chat(session, "没进房间").getString("code")).isEqualTo("NOT_IN_ROOM");
            viewer.join(session);
            assertThat(viewer.request("chat", new JSONObject().put("sessionId", session).put("text", 12)).getString("code"))
                    .isEqualTo("INVALID_PAYLOAD");
            assertThat(viewer.request("likes", new JSONObject()).getString("code")).isEqualTo("UNKNOWN_EVENT");
            viewer.emit("chat", "not an object");
            assertThat(viewer.await("rejected").getString("code")).isEqualTo("INVALID_PAYLOAD");
            viewer.emit("definitely-unknown", 1, 2, 3);
            assertThat(viewer.await("rejected").getString("code")).isEqualTo("UNKNOWN_EVENT");

            // the bystander never noticed
            assertThat(bystander.chat(session, "一切正常").getBoolean("ok")).isTrue();
            viewer.awaitChat("一切正常");
        }
    }

    @Test
    void aFloodingClientIsDisconnected() {
        long session = liveSession(newId());
        try (JavaClient flooder = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "刷屏"), true);
                JavaClient bystander = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "路人"))) {
            flooder.join(session);
            bystander.join(session);
            for (int i = 0; i < 200; i++) {
                flooder.emit("like", new JSONObject().put("sessionId", session));
            }
            assertThat(flooder.await("closing").getString("code")).isEqualTo("FLOODING");
            flooder.awaitDisconnect();
            assertThat(bystander.chat(session, "我还在").getBoolean("ok")).isTrue();
            bystander.awaitChat("我还在");
        }
    }
}
