package cn.zhunong.mall.groupbuy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.Parallel;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** 拼团 end to end: real orders, real payments through the Alipay simulator, seats, success, expiry, refunds. */
class GroupBuyApiTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    OrderTestData shop;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GroupBuyMapper groupMapper;

    @Autowired
    GroupExpiry expiry;

    @Autowired
    GroupBuyProperties properties;

    private final AlipaySimulator alipay = TestAlipay.get().simulator();
    private OrderTestData.Shop s;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        s = shop.shop();
    }

    @AfterEach
    void notifiesBackOn() {
        alipay.setNotifiesEnabled(true);
    }

    @Test
    void twoHundredPayersIntoTenSeatsFillItExactlyOnceAndTheRestAreRefunded() {
        long sku = shop.simpleSku(s, 2000, 1000);
        long activity = activity(sku, 1500, 10, "REFUND", 5, 60);
        TestData.Login leader = data.citizen();
        long leaderOrder = open(activity, leader, 1);
        long group = payAndGetGroup(leaderOrder, leader);
        assertThat(groupRow(group).get("paid_members")).isEqualTo(1);

        List<TestData.Login> buyers = shop.buyers(200);
        List<Callable<Long>> joins = new ArrayList<>();
        for (TestData.Login buyer : buyers) {
            joins.add(() -> {
                Api.Response joined = groupOrder("/api/v1/group-buys/" + group + "/members", buyer.token(), OrderClient.newKey(), 1);
                assertThat(joined.status()).as(joined.body()).isEqualTo(201);
                assertThat(joined.json().path("order").path("goodsFen").asLong()).isEqualTo(1500);
                return joined.json().path("order").path("id").asLong();
            });
        }
        List<Long> orderIds = Parallel.run(joins);
        Map<Long, TestData.Login> buyerOf = new HashMap<>();
        for (int i = 0; i < orderIds.size(); i++) {
            buyerOf.put(orderIds.get(i), buyers.get(i));
        }
        Parallel.run(orderIds.stream().<Callable<Integer>>map(id -> () -> startQr(id, buyerOf.get(id))).toList());

        // every buyer pays at Alipay; the 200 notifies then reach the server at the same moment
        alipay.setNotifiesEnabled(false);
        List<Map<String, String>> notifies = new ArrayList<>();
        for (long id : orderIds) {
            String orderNo = shop.orderNo(id);
            alipay.pay(orderNo);
            notifies.add(alipay.notifyDeliveries(orderNo).stream().filter(d -> "TRADE_SUCCESS".equals(d.tradeStatus()))
                    .findFirst().orElseThrow().params());
        }
        OrderClient client = new OrderClient(port);
        List<Api.Response> replies = Parallel.run(notifies.stream().<Callable<Api.Response>>map(n -> () -> client.postNotify(n))
                .toList());
        assertThat(replies).allSatisfy(r -> assertThat(r.body()).isEqualTo("success"));

        Map<String, Object> row = groupRow(group);
        assertThat(row.get("paid_members")).isEqualTo(10);
        assertThat(row.get("status")).isEqualTo("SUCCEEDED");
        assertThat(count("SELECT COUNT(*) FROM group_buy_member WHERE group_buy_id = ? AND status = 'PAID'", group)).isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM group_buy_member WHERE group_buy_id = ? AND status = 'REFUNDING'", group))
                .isEqualTo(191);
        // the success event: once, listing the ten seated orders
        assertThat(shop.events("GROUP_BUY_SUCCEEDED", group)).isEqualTo(1);
        JsonNode payload = Api.JSON.readTree(jdbc.queryForObject(
                "SELECT payload FROM outbox_event WHERE event_type = 'GROUP_BUY_SUCCEEDED' AND aggregate_id = ?", String.class, group));
        assertThat(payload.path("groupBuyId").asLong()).isEqualTo(group);
        List<Long> seated = new ArrayList<>();
        payload.path("orderIds").forEach(n -> seated.add(n.asLong()));
        assertThat(seated).hasSize(10).contains(leaderOrder)
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "SELECT order_id FROM group_buy_member WHERE group_buy_id = ? AND status = 'PAID'", Long.class, group));

        // the 191 late payers get their money back through Alipay, and their units return to stock
        List<Long> refunded = jdbc.queryForList(
                "SELECT order_id FROM group_buy_member WHERE group_buy_id = ? AND status = 'REFUNDING'", Long.class, group);
        await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM refund WHERE claim_type = 'GROUP_FULL' AND status = 'SUCCEEDED' "
                + "AND order_id IN (SELECT order_id FROM group_buy_member WHERE group_buy_id = ?)", group) == 191);
        for (long id : refunded) {
            assertThat(alipay.trade(shop.orderNo(id)).orElseThrow().refundedFen()).isEqualTo(1500);
            assertThat(shop.orderStatus(id)).isEqualTo("CLOSED");
        }
        assertThat(shop.stock(sku)).isEqualTo(1000 - 10);
        assertThat(count("SELECT sold_units FROM sku WHERE id = ?", sku)).isEqualTo(201);

        // seated orders ship now; a refunded one never
        long seatedMember = seated.stream().filter(id -> id != leaderOrder).findFirst().orElseThrow();
        assertThat(ship(seatedMember).status()).isEqualTo(200);
        assertThat(ship(refunded.get(0)).status()).isEqualTo(409);
    }

    @Test
    void aPayerWhoseGroupFilledMeanwhileOpensANewGroupUnderTheMoveRule() {
        long sku = shop.simpleSku(s, 3000, 100);
        long activity = activity(sku, 2500, 3, "MOVE_TO_NEW_GROUP", 3, 60);
        TestData.Login leader = data.citizen();
        long group = payAndGetGroup(open(activity, leader, 1), leader);
        List<TestData.Login> buyers = shop.buyers(5);
        List<Long> orders = new ArrayList<>();
        for (TestData.Login buyer : buyers) {
            Api.Response joined = groupOrder("/api/v1/group-buys/" + group + "/members", buyer.token(), OrderClient.newKey(), 1);
            assertThat(joined.status()).isEqualTo(201);
            orders.add(joined.json().path("order").path("id").asLong());
            startQr(orders.get(orders.size() - 1), buyer);
        }
        Parallel.run(orders.stream().<Callable<Object>>map(id -> () -> alipay.pay(shop.orderNo(id))).toList());
        await().atMost(WAIT).until(() -> orders.stream().allMatch(id -> "PAID".equals(shop.orderStatus(id))));

        assertThat(groupRow(group).get("status")).isEqualTo("SUCCEEDED");
        assertThat(groupRow(group).get("paid_members")).isEqualTo(3);
        List<Long> moved = orders.stream().filter(id -> groupOf(id) != group).toList();
        assertThat(moved).hasSize(3);
        for (long id : moved) {
            long newGroup = groupOf(id);
            Map<String, Object> row = groupRow(newGroup);
            assertThat(row.get("status")).isEqualTo("OPEN");
            assertThat(row.get("paid_members")).isEqualTo(1);
            assertThat(((Number) row.get("leader_order_id")).longValue()).isEqualTo(id);
            assertThat(jdbc.queryForObject("SELECT role FROM group_buy_member WHERE order_id = ?", String.class, id))
                    .isEqualTo("LEADER");
        }
        assertThat(count("SELECT COUNT(*) FROM refund WHERE order_id IN (" + String.join(",",
                orders.stream().map(String::valueOf).toList()) + ")")).isZero();
        assertThat(shop.events("GROUP_BUY_SUCCEEDED", group)).isEqualTo(1);

        // the public page shows the open groups, leaders masked, nothing personal
        JsonNode page = api().get("/api/v1/public/group-buy-activities/" + activity, null).json();
        assertThat(page.path("groupPriceFen").asLong()).isEqualTo(2500);
        assertThat(page.path("normalPriceFen").asLong()).isEqualTo(3000);
        assertThat(page.path("openGroups")).hasSize(3);
        assertThat(page.path("openGroups").get(0).path("leaderMasked").asString()).isEqualTo("买*");
        assertThat(page.path("openGroups").get(0).path("seatsLeft").asInt()).isEqualTo(2);
        assertThat(page.toString()).doesNotContain("13912345678").doesNotContain("userId").doesNotContain("张三");
    }

    @Test
    void anExpiredGroupFailsAfterARestartRefundsItsPayersThroughAlipayAndReturnsTheStock() {
        long sku = shop.simpleSku(s, 1800, 50);
        long activity = activity(sku, 1200, 3, "REFUND", 5, 30);
        TestData.Login leader = data.citizen();
        long leaderOrder = open(activity, leader, 1);
        long group = payAndGetGroup(leaderOrder, leader);
        TestData.Login paying = data.citizen();
        long paidMember = join(group, paying, 2);
        pay(paidMember, paying);
        TestData.Login dawdler = data.citizen();
        long unpaidMember = join(group, dawdler, 1);
        startQr(unpaidMember, dawdler);
        assertThat(shop.stock(sku)).isEqualTo(50 - 4);

        // not complete: nothing ships
        Api.Response early = ship(leaderOrder);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("GROUP_NOT_COMPLETE");
        // nor may a seated payer take the money out of a group still filling
        long line = jdbc.queryForObject("SELECT id FROM order_line WHERE order_id = ?", Long.class, paidMember);
        assertThat(api().post("/api/v1/orders/" + paidMember + "/refunds", paying.token(),
                Map.of("lineId", line, "claimType", "NO_REASON", "reason", "不想要了")).code()).isEqualTo("GROUP_BUY_IN_PROGRESS");
        // not expired yet: a run changes nothing
        new GroupExpiryJob(groupMapper, expiry, properties, Clock.systemUTC()).runOnce();
        assertThat(groupRow(group).get("status")).isEqualTo("OPEN");

        jdbc.update("UPDATE group_buy SET expires_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)), group);
        // a job instance with no memory of the group (as after a restart) finds it by its expiry in the database
        new GroupExpiryJob(groupMapper, expiry, properties, Clock.systemUTC()).runOnce();

        assertThat(groupRow(group).get("status")).isEqualTo("FAILED");
        await().atMost(WAIT).until(() -> "CLOSED".equals(shop.orderStatus(leaderOrder)) && "CLOSED".equals(shop.orderStatus(paidMember)));
        assertThat(alipay.trade(shop.orderNo(leaderOrder)).orElseThrow().refundedFen()).isEqualTo(1200);
        assertThat(alipay.trade(shop.orderNo(paidMember)).orElseThrow().refundedFen()).isEqualTo(2400);
        assertThat(jdbc.queryForList("SELECT claim_type FROM refund WHERE order_id IN (?, ?) AND status = 'SUCCEEDED'",
                String.class, leaderOrder, paidMember)).containsExactly("GROUP_FAILED", "GROUP_FAILED");
        assertThat(shop.events("REFUND_SUCCEEDED", refundOf(leaderOrder))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT close_reason FROM orders WHERE id = ?", String.class, paidMember)).isEqualTo("REFUNDED");
        assertThat(shop.orderStatus(unpaidMember)).isEqualTo("CLOSED");
        assertThat(shop.stock(sku)).isEqualTo(50);
        assertThat(shop.events("GROUP_BUY_SUCCEEDED", group)).isZero();

        // running again (another instance, a retry) refunds nobody twice
        new GroupExpiryJob(groupMapper, expiry, properties, Clock.systemUTC()).runOnce();
        assertThat(count("SELECT COUNT(*) FROM refund WHERE order_id IN (?, ?)", leaderOrder, paidMember)).isEqualTo(2);
        assertThat(groupRow(group).get("paid_members")).isEqualTo(2);
        assertThat(ship(paidMember).status()).isEqualTo(409);
    }

    @Test
    void perUserLimitReplaysAndBadInput() {
        long sku = shop.simpleSku(s, 1000, 100);
        long activity = activity(sku, 800, 2, "REFUND", 2, 60);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        Api.Response first = groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", buyer.token(), key, 2);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("role").asString()).isEqualTo("LEADER");
        assertThat(first.json().path("groupBuyId").isNull()).isTrue();
        assertThat(first.json().path("order").path("goodsFen").asLong()).isEqualTo(1600);
        // the same key again: the same order
        Api.Response replay = groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", buyer.token(), key, 2);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("order").path("id").asLong()).isEqualTo(first.json().path("order").path("id").asLong());
        assertThat(groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", buyer.token(), key, 1).code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // limit 2 units: a second order is refused, in parallel too
        List<Api.Response> more = Parallel.run(List.<Callable<Api.Response>>of(
                () -> groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", buyer.token(), OrderClient.newKey(), 1),
                () -> groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", buyer.token(), OrderClient.newKey(), 1)));
        assertThat(more).allSatisfy(r -> assertThat(r.code()).isEqualTo("GROUP_BUY_LIMIT_REACHED"));
        // cancelling the unpaid order frees the quota
        long orderId = first.json().path("order").path("id").asLong();
        assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", buyer.token(), "").status()).isEqualTo(200);
        TestData.Login other = data.citizen();
        List<Api.Response> parallel = Parallel.run(List.<Callable<Api.Response>>of(
                () -> groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", buyer.token(), OrderClient.newKey(), 2),
                () -> groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", buyer.token(), OrderClient.newKey(), 2)));
        assertThat(parallel.stream().map(Api.Response::status).sorted().toList()).containsExactly(201, 409);
        assertThat(groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", buyer.token(), OrderClient.newKey(), 3)
                .code()).isEqualTo("GROUP_BUY_LIMIT_REACHED");

        // bad input
        assertThat(groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", other.token(), null, 1).code())
                .isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", other.token(), OrderClient.newKey(), 0)
                .code()).isEqualTo("VALIDATION_FAILED");
        assertThat(groupOrder("/api/v1/group-buy-activities/999999999/groups", other.token(), OrderClient.newKey(), 1).code())
                .isEqualTo("GROUP_BUY_ACTIVITY_NOT_FOUND");
        assertThat(groupOrder("/api/v1/group-buys/999999999/members", other.token(), OrderClient.newKey(), 1).code())
                .isEqualTo("GROUP_BUY_NOT_FOUND");
        assertThat(groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", s.staff().token(), OrderClient.newKey(), 1)
                .status()).isEqualTo(403);
        // a group-buy attribution on an ordinary order is refused: it would never be credited
        Map<String, Object> body = OrderClient.body(sku, 1);
        body.put("attribution", Map.of("groupBuyId", 1));
        assertThat(new OrderClient(port).placeOrder(other.token(), OrderClient.newKey(), body).code())
                .isEqualTo("GROUP_BUY_ORDER_VIA_GROUP");

        // my groups
        JsonNode mine = api().get("/api/v1/group-buys/mine", buyer.token()).json();
        assertThat(mine.path("total").asLong()).isEqualTo(2);
        assertThat(mine.path("items").get(0).path("activityId").asLong()).isEqualTo(activity);
        assertThat(api().get("/api/v1/group-buys/mine", other.token()).json().path("total").asLong()).isZero();
    }

    @Test
    void agencyStaffManageActivitiesOfTheirOwnSkusOnly() {
        long sku = shop.simpleSku(s, 1000, 100);
        Map<String, Object> body = activityBody(sku, 900, 5, "REFUND", 3, 120);
        Api.Response created = api().post("/api/v1/agency/group-buy-activities", s.staff().token(), body);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("agencyId").asLong()).isEqualTo(s.agencyId());

        OrderTestData.Shop stranger = shop.shop();
        assertThat(api().post("/api/v1/agency/group-buy-activities", stranger.staff().token(), body).code()).isEqualTo("SKU_NOT_FOUND");
        assertThat(api().get("/api/v1/agency/group-buy-activities/" + id, stranger.staff().token()).code())
                .isEqualTo("GROUP_BUY_ACTIVITY_NOT_FOUND");
        assertThat(api().get("/api/v1/agency/group-buy-activities", stranger.staff().token()).json().path("total").asLong()).isZero();
        assertThat(api().get("/api/v1/agency/group-buy-activities", s.staff().token()).json().path("total").asLong()).isEqualTo(1);
        assertThat(api().post("/api/v1/agency/group-buy-activities", data.citizen().token(), body).status()).isEqualTo(403);

        assertThat(api().post("/api/v1/agency/group-buy-activities", s.staff().token(),
                activityBody(sku, 1001, 5, "REFUND", 3, 120)).code()).isEqualTo("GROUP_PRICE_ABOVE_PRICE");
        for (Map<String, Object> bad : List.of(activityBody(sku, 900, 1, "REFUND", 3, 120), activityBody(sku, 900, 101, "REFUND", 3, 120),
                activityBody(sku, 900, 5, "REFUND", 0, 120), activityBody(sku, 0, 5, "REFUND", 3, 120),
                activityBody(sku, 900, 5, "REFUND", 3, 1))) {
            assertThat(api().post("/api/v1/agency/group-buy-activities", s.staff().token(), bad).code()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api().post("/api/v1/agency/group-buy-activities", s.staff().token(),
                activityBody(sku, 900, 5, "SOMETHING", 3, 120)).status()).isEqualTo(400);
        Map<String, Object> backwards = activityBody(sku, 900, 5, "REFUND", 3, 120);
        backwards.put("endsAt", Instant.now().minus(2, ChronoUnit.DAYS).toString());
        assertThat(api().post("/api/v1/agency/group-buy-activities", s.staff().token(), backwards).code()).isEqualTo("PERIOD_INVALID");

        Map<String, Object> change = activityBody(sku, 850, 4, "MOVE_TO_NEW_GROUP", 2, 60);
        Api.Response updated = api().put("/api/v1/agency/group-buy-activities/" + id, s.staff().token(), change);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("groupPriceFen").asLong()).isEqualTo(850);
        assertThat(updated.json().path("fullGroupRule").asString()).isEqualTo("MOVE_TO_NEW_GROUP");
        Map<String, Object> otherSku = activityBody(shop.simpleSku(s, 1000, 1), 850, 4, "REFUND", 2, 60);
        assertThat(api().put("/api/v1/agency/group-buy-activities/" + id, s.staff().token(), otherSku).code()).isEqualTo("SKU_IMMUTABLE");
        assertThat(api().put("/api/v1/agency/group-buy-activities/" + id, stranger.staff().token(), change).code())
                .isEqualTo("GROUP_BUY_ACTIVITY_NOT_FOUND");

        assertThat(api().get("/api/v1/public/group-buy-activities/" + id, null).json().path("open").asBoolean()).isTrue();
        assertThat(api().delete("/api/v1/agency/group-buy-activities/" + id, s.staff().token()).json().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(api().get("/api/v1/public/group-buy-activities/" + id, null).status()).isEqualTo(404);
        assertThat(groupOrder("/api/v1/group-buy-activities/" + id + "/groups", data.citizen().token(), OrderClient.newKey(), 1).code())
                .isEqualTo("GROUP_BUY_ACTIVITY_NOT_OPEN");
    }

    // --- helpers ---

    private long activity(long sku, long priceFen, int size, String rule, int limit, int minutes) {
        Api.Response created = api().post("/api/v1/agency/group-buy-activities", s.staff().token(),
                activityBody(sku, priceFen, size, rule, limit, minutes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static Map<String, Object> activityBody(long sku, long priceFen, int size, String rule, int limit, int minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("skuId", sku);
        body.put("title", "高山土豆 " + size + " 人团");
        body.put("groupPriceFen", priceFen);
        body.put("groupSize", size);
        body.put("durationMinutes", minutes);
        body.put("perUserLimit", limit);
        body.put("fullGroupRule", rule);
        body.put("startsAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("endsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        return body;
    }

    private long open(long activity, TestData.Login buyer, int quantity) {
        Api.Response opened = groupOrder("/api/v1/group-buy-activities/" + activity + "/groups", buyer.token(),
                OrderClient.newKey(), quantity);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().path("order").path("id").asLong();
    }

    private long join(long group, TestData.Login buyer, int quantity) {
        Api.Response joined = groupOrder("/api/v1/group-buys/" + group + "/members", buyer.token(), OrderClient.newKey(), quantity);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        return joined.json().path("order").path("id").asLong();
    }

    private long payAndGetGroup(long orderId, TestData.Login buyer) {
        pay(orderId, buyer);
        return groupOf(orderId);
    }

    private void pay(long orderId, TestData.Login buyer) {
        startQr(orderId, buyer);
        alipay.pay(shop.orderNo(orderId));
        await().atMost(WAIT).until(() -> "PAID".equals(shop.orderStatus(orderId)));
    }

    private int startQr(long orderId, TestData.Login buyer) {
        Api.Response started = api().post("/api/v1/orders/" + orderId + "/payments/alipay", buyer.token(), Map.of("channel", "QR"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.status();
    }

    private Api.Response ship(long orderId) {
        return api().post("/api/v1/agency/orders/" + orderId + "/ship", s.staff().token(),
                Map.of("carrier", "顺丰", "trackingNo", "SF" + TestData.next()));
    }

    private long groupOf(long orderId) {
        return jdbc.queryForObject("SELECT group_buy_id FROM orders WHERE id = ?", Long.class, orderId);
    }

    private long refundOf(long orderId) {
        return jdbc.queryForObject("SELECT id FROM refund WHERE order_id = ?", Long.class, orderId);
    }

    private Map<String, Object> groupRow(long group) {
        return jdbc.queryForMap("SELECT status, paid_members, size, leader_order_id FROM group_buy WHERE id = ?", group);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private Api.Response groupOrder(String path, String token, String key, int quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("quantity", quantity);
        body.put("address", Map.of("name", "张三", "phone", "13912345678", "provinceCode", "44", "detail", "广州市天河区某路 1 号"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
