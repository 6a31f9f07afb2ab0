package cn.zhunong.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.common.events.OrderPaidEvent;
import cn.zhunong.live.room.RoomKeys;
import cn.zhunong.live.support.JavaClient;
import cn.zhunong.live.support.LiveRoomTest;
import cn.zhunong.live.support.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;

/** What a room leaves behind: stored chat and events, the replay endpoint, the purchase ticker, the summary. */
class LiveRoomRecordsTest extends LiveRoomTest {

    @Test
    void chatIsStoredInBatchesAndReplayedByTime() throws Exception {
        long streamer = newId();
        long session = liveSession(streamer);
        long viewerId = newId();
        String viewerToken = TestTokens.citizen(viewerId, "小王");
        String hostToken = TestTokens.host(newId(), streamer, "阿妹");
        Instant start = Instant.now().minusSeconds(1);
        String deletedId;
        try (JavaClient host = JavaClient.connect(socketUrl(), hostToken);
                JavaClient viewer = JavaClient.connect(socketUrl(), viewerToken)) {
            host.join(session);
            viewer.join(session);
            viewer.chat(session, "第一条");
            viewer.chat(session, "第二条 加微信");
            deletedId = viewer.chat(session, "第三条 要删").getString("id");
            host.chat(session, "第四条");
            host.request("delete", new JSONObject().put("sessionId", session).put("messageId", deletedId));
            host.request("announce", new JSONObject().put("sessionId", session).put("text", "明天继续"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> count(session, "CHAT") == 4 && count(session, "DELETE") == 1
                && count(session, "ANNOUNCEMENT") == 1);
        // the filter's input is kept for audit, the viewers' version is what was shown
        assertThat(jdbc.queryForMap("SELECT text, original_text, actor_user_id, actor_role, node_id FROM live_room_event "
                + "WHERE session_id = ? AND text LIKE '第二条%'", session))
                .containsEntry("text", "第二条 ***").containsEntry("original_text", "第二条 加微信")
                .containsEntry("actor_user_id", viewerId).containsEntry("actor_role", "VIEWER").containsEntry("node_id", "node-a");

        String path = "/api/v1/live/sessions/" + session + "/chat?from=" + start;
        JSONObject viewerReplay = json(get(path, viewerToken), 200);
        assertThat(texts(viewerReplay.getJSONArray("items"))).containsExactly("第一条", "第二条 ***", "第四条");
        assertThat(viewerReplay.getJSONArray("items").getJSONObject(0).has("originalText")).isFalse();

        JSONObject audit = json(get(path, hostToken), 200);
        assertThat(texts(audit.getJSONArray("items"))).containsExactly("第一条", "第二条 ***", "第三条 要删", "第四条");
        JSONObject deleted = audit.getJSONArray("items").getJSONObject(2);
        assertThat(deleted.getString("id")).isEqualTo(deletedId);
        assertThat(deleted.isNull("deletedAt")).isFalse();
        assertThat(audit.getJSONArray("items").getJSONObject(1).getString("originalText")).isEqualTo("第二条 加微信");

        // paging: two at a time, continuing after the last id
        JSONObject page1 = json(get(path + "&limit=2", TestTokens.admin(newId())), 200);
        assertThat(page1.getJSONArray("items").length()).isEqualTo(2);
        JSONObject page2 = json(get(path + "&limit=2&after=" + page1.getString("next"), TestTokens.admin(newId())), 200);
        assertThat(texts(page2.getJSONArray("items"))).containsExactly("第三条 要删", "第四条");
        assertThat(page2.isNull("next")).isTrue();

        // a window that ends before the chat holds nothing
        assertThat(json(get(path.replace("?from=" + start, "?to=" + start), viewerToken), 200).getJSONArray("items").length()).isZero();

        assertThat(json(get(path, null), 401).getString("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(json(get(path, TestTokens.expired(viewerId)), 401).getString("code")).isEqualTo("TOKEN_INVALID");
        assertThat(json(get(path + "&limit=0", viewerToken), 400).getString("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(json(get("/api/v1/live/sessions/" + session + "/chat?from=yesterday", viewerToken), 400)
                .getString("code")).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void paidOrdersOfTheRoomShowInTheTickerOneItemPerLineAndCountOnceInTheSalesFigures() throws Exception {
        long streamer = newId();
        long session = liveSession(streamer);
        long buyer = newId();
        long order = newId();
        try (JavaClient viewer = JavaClient.connect(socketUrl(), null)) {
            viewer.join(session);
            xadd(OrderPaidEvent.TYPE, paid(order, buyer, session, 5980, "张**", line("黄皮", 2, "斤"), line("百香果", 1, "箱")));
            assertThat(viewer.await("purchase").getString("text")).isEqualTo("张** 刚刚买了 2 斤 黄皮");
            JSONObject second = viewer.await("purchase");
            assertThat(second.getString("text")).isEqualTo("张** 刚刚买了 1 箱 百香果");
            assertThat(second.getLong("sessionId")).isEqualTo(session);

            // a redelivered event is neither shown nor counted again; an unmasked name is masked anyway;
            // other event types and orders outside live rooms are ignored
            xadd(OrderPaidEvent.TYPE, paid(order, buyer, session, 5980, "张**", line("黄皮", 2, "斤")));
            xadd("ORDER_CREATED", new JSONObject().put("liveSessionId", session));
            xadd(OrderPaidEvent.TYPE, paid(newId(), newId(), null, 100, "李**", line("椪柑", 1, "箱")));
            xadd(OrderPaidEvent.TYPE, paid(newId(), newId(), session, 4020, "王小明", line("香猪肉", 1.5, "公斤")));
            assertThat(viewer.await("purchase").getString("text")).isEqualTo("王** 刚刚买了 1.5 公斤 香猪肉");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> count(session, "PURCHASE") == 3);
        Map<String, Object> group = redis.execute((org.springframework.data.redis.core.RedisCallback<Map<String, Object>>)
                c -> Map.of("pending", c.streamCommands().xPending("zhunong:events".getBytes(), "live-room").getTotalPendingMessages()));
        assertThat(group).containsEntry("pending", 0L);

        // one anonymous viewer: 2 buyers of 1 unique viewer is a conversion of 2, GPM = 10,000 fen × 1000
        JSONObject metrics = json(get("/api/v1/live/sessions/" + session + "/metrics", TestTokens.admin(newId())), 200);
        assertThat(metrics.getLong("orders")).isEqualTo(2);
        assertThat(metrics.getLong("gmvFen")).isEqualTo(10_000);
        assertThat(metrics.getLong("buyers")).isEqualTo(2);
        assertThat(metrics.getLong("uniqueViewers")).isEqualTo(1);
        assertThat(metrics.getBigDecimal("conversion")).isEqualByComparingTo("2");
        assertThat(metrics.getLong("gpmFen")).isEqualTo(10_000_000);
    }

    @Test
    void theEndOfSessionSummaryHoldsTheSalesFiguresAndAnOrderPaidAfterTheEndUpdatesThem() throws Exception {
        long streamer = newId();
        long session = liveSession(streamer);
        try (JavaClient host = JavaClient.connect(socketUrl(), TestTokens.host(newId(), streamer, "阿妹"));
                JavaClient a = JavaClient.connect(socketUrl(), null);
                JavaClient b = JavaClient.connect(socketUrl(), null);
                JavaClient c = JavaClient.connect(socketUrl(), null)) {
            for (JavaClient client : List.of(host, a, b, c)) {
                client.join(session);
            }
            long buyer = newId();
            xadd(OrderPaidEvent.TYPE, paid(newId(), buyer, session, 3000, "张**", line("黄皮", 1, "斤")));
            xadd(OrderPaidEvent.TYPE, paid(newId(), buyer, session, 1000, "张**", line("椪柑", 1, "斤")));
            a.await("purchase", p -> p.getString("productName").equals("椪柑"));

            JSONObject summary = host.request("end", new JSONObject().put("sessionId", session)).getJSONObject("summary");
            // 4 unique viewers, 1 buyer of 2 orders worth 40.00 yuan: conversion 0.25, GPM 4000 × 1000 / 4
            assertThat(summary.getLong("orders")).isEqualTo(2);
            assertThat(summary.getLong("gmvFen")).isEqualTo(4000);
            assertThat(summary.getLong("buyers")).isEqualTo(1);
            assertThat(summary.getBigDecimal("conversion")).isEqualByComparingTo("0.25");
            assertThat(summary.getLong("gpmFen")).isEqualTo(1_000_000);
        }
        // buyers have 30 minutes to pay: an order paid after the end still counts, in the stored summary too
        xadd(OrderPaidEvent.TYPE, paid(newId(), newId(), session, 2000, "李**", line("香猪肉", 1, "斤")));
        await().atMost(JavaClient.WAIT).until(() -> jdbc.queryForObject(
                "SELECT orders FROM live_session_metrics WHERE session_id = ?", Long.class, session) == 3);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM live_session_metrics WHERE session_id = ?", session);
        assertThat(row).containsEntry("gmv_fen", 6000L).containsEntry("buyers", 2L).containsEntry("gpm_fen", 1_500_000L);
        assertThat((java.math.BigDecimal) row.get("conversion")).isEqualByComparingTo("0.5");
        JSONObject stored = json(get("/api/v1/live/sessions/" + session + "/metrics", TestTokens.staff(newId())), 200);
        assertThat(stored.getBoolean("ended")).isTrue();
        assertThat(stored.getLong("orders")).isEqualTo(3);
        assertThat(stored.getLong("gmvFen")).isEqualTo(6000);
    }

    static JSONObject paid(long orderId, long userId, Long sessionId, long paidFen, String buyer, JSONObject... lines) {
        JSONObject payload = new JSONObject().put(OrderPaidEvent.ORDER_ID, orderId).put(OrderPaidEvent.USER_ID, userId)
                .put(OrderPaidEvent.PAID_FEN, paidFen).put(OrderPaidEvent.BUYER_MASKED_NAME, buyer)
                .put(OrderPaidEvent.LINES, new org.json.JSONArray(List.of(lines)));
        if (sessionId != null) {
            payload.put(OrderPaidEvent.LIVE_SESSION_ID, sessionId);
        }
        return payload;
    }

    static JSONObject line(String product, Number quantity, String unit) {
        return new JSONObject().put(OrderPaidEvent.PRODUCT_NAME, product).put(OrderPaidEvent.QUANTITY, quantity)
                .put(OrderPaidEvent.UNIT_NAME, unit);
    }

    @Test
    void theHostEndsTheSessionWithASummaryThatIsStored() throws Exception {
        long streamer = newId();
        long session = liveSession(streamer);
        String hostToken = TestTokens.host(newId(), streamer, "阿妹");
        try (JavaClient host = JavaClient.connect(socketUrl(), hostToken);
                JavaClient viewer = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "小王"));
                JavaClient anonymous = JavaClient.connect(socketUrl(), null)) {
            host.join(session);
            viewer.join(session);
            anonymous.join(session);
            viewer.chat(session, "好看");
            anonymous.request("like", new JSONObject().put("sessionId", session).put("count", 20));
            host.await("stats", s -> s.getLong("likes") == 20 && s.getLong("chats") == 1 && s.getLong("online") == 3);

            JSONObject live = json(get("/api/v1/live/sessions/" + session + "/metrics", hostToken), 200);
            assertThat(live.getBoolean("ended")).isFalse();
            assertThat(live.getLong("online")).isEqualTo(3);
            assertThat(live.getLong("likes")).isEqualTo(20);
            assertThat(json(get("/api/v1/live/sessions/" + session + "/metrics", TestTokens.citizen(newId(), "x")), 403)
                    .getString("code")).isEqualTo("FORBIDDEN");

            JSONObject ended = host.request("end", new JSONObject().put("sessionId", session));
            assertThat(ended.getBoolean("ok")).isTrue();
            JSONObject summary = viewer.await("session_ended");
            assertThat(summary.getLong("peakViewers")).isEqualTo(3);
            assertThat(summary.getLong("uniqueViewers")).isEqualTo(3);
            assertThat(summary.getLong("likes")).isEqualTo(20);
            assertThat(summary.getLong("chats")).isEqualTo(1);
            assertThat(viewer.chat(session, "还在吗").getString("code")).isEqualTo("SESSION_ENDED");
            // ending twice changes nothing
            assertThat(host.request("end", new JSONObject().put("sessionId", session)).getJSONObject("summary")
                    .getLong("endedAt")).isEqualTo(summary.getLong("endedAt"));
        }
        try (JavaClient late = JavaClient.connect(socketUrl(), null)) {
            JSONObject refused = late.request("join", new JSONObject().put("sessionId", session));
            assertThat(refused.getString("code")).isEqualTo("SESSION_ENDED");
            assertThat(refused.getJSONObject("summary").getLong("likes")).isEqualTo(20);
        }
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM live_session_metrics WHERE session_id = ?", session);
        assertThat(row).containsEntry("peak_viewers", 3).containsEntry("unique_viewers", 3L).containsEntry("likes", 20L)
                .containsEntry("chat_messages", 1L);
        assertThat(redis.opsForHash().get(RoomKeys.session(session), "status")).isEqualTo("ENDED");
        JSONObject stored = json(get("/api/v1/live/sessions/" + session + "/metrics", TestTokens.staff(newId())), 200);
        assertThat(stored.getBoolean("ended")).isTrue();
        assertThat(stored.getLong("peakViewers")).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> count(session, "END") == 1);
    }

    private void xadd(String type, JSONObject payload) {
        MapRecord<String, String, String> record = StreamRecords.newRecord().in("zhunong:events")
                .ofMap(Map.of("type", type, "payload", payload.toString()));
        redis.opsForStream().add(record);
    }

    private int count(long session, String kind) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM live_room_event WHERE session_id = ? AND kind = ?",
                Integer.class, session, kind);
        return count == null ? 0 : count;
    }

    private static JSONObject json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return new JSONObject(response.body());
    }

    private static List<String> texts(JSONArray items) {
        return java.util.stream.IntStream.range(0, items.length()).mapToObj(i -> items.getJSONObject(i).getString("text")).toList();
    }
}
