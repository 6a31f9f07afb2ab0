package cn.zhunong.mall.ledger.intake;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.mall.ledger.LedgerFixtures;
import cn.zhunong.mall.ledger.LedgerService;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.OrderTestData.Shop;
import cn.zhunong.mall.support.Rows;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The ledger's intake of the orders' outbox events, end to end: orders paid, refunded and received
 * through the real endpoints and the Alipay simulator, the relay, the Redis Stream consumer group
 * that runs with the application, and the ledger's postings.
 */
class LedgerIntakeApiTest extends ApiTest {

    private static final Duration WAIT = IntakeStreams.WAIT;
    /** SQL-made orders are "paid" far ahead: no release job and no bill day of today sees them. */
    private static final Instant FUTURE = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    OrderTestData shop;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerIntake intake;

    private final AlipaySimulator alipay = TestAlipay.get().simulator();
    private LedgerFixtures fx;
    private IntakeStreams streams;
    private Shop s;
    private TestData.Login buyer;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        fx = new LedgerFixtures(jdbc, data);
        streams = new IntakeStreams(redis, jdbc);
        s = shop.shop();
        buyer = data.citizen();
    }

    @Test
    void anOrderPaidThroughTheRealFlowIsCreditedToItsHouseholds() {
        long own = shop.household(s.villageId());
        long early = shop.household(s.villageId());
        long late = shop.household(s.villageId());
        long honey = shop.sku(shop.product(s, "土蜂蜜", false, null), 2_000, 10, 99, 500, own);
        long potato = shop.simpleSku(s, 3_000, 20);
        shop.lot(potato, early, 2, 1_000L, null, LocalDate.now().minusDays(3));
        shop.lot(potato, late, 5, null, 5_000, LocalDate.now().minusDays(1));

        long orderId = paidOrder(List.of(Map.of("skuId", honey, "quantity", 2), Map.of("skuId", potato, "quantity", 3)));

        awaitPosted("order-paid:" + orderId);
        // honey: all of 40.00 to its own household; potatoes: 2 x 10.00 收购价, then 50% of 1/3 of 90.00
        assertThat(fx.pending(own)).isEqualTo(4_000);
        assertThat(fx.pending(early)).isEqualTo(2_000);
        assertThat(fx.pending(late)).isEqualTo(1_500);
        assertThat(fx.balance("revenue:agency:" + s.agencyId())).isEqualTo(13_000 - 7_500);
        assertThat(jdbc.queryForObject("SELECT buyer_user_id FROM ledger_order WHERE order_id = ?", Long.class, orderId))
                .isEqualTo(buyer.userId());
        assertThat(jdbc.queryForObject("SELECT paid_fen FROM ledger_order WHERE order_id = ?", Long.class, orderId))
                .isEqualTo(13_000);

        // the buyer (owner in the orders table) sees whom the order helped; another citizen does not
        assertThat(api().get("/api/v1/orders/" + orderId + "/impact", buyer.token()).json().path("householdIncomeFen").asLong())
                .isEqualTo(7_500);
        assertThat(api().get("/api/v1/orders/" + orderId + "/impact", data.citizen().token()).code()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void replayingTheSameStreamEventPostsOnce() {
        long household = shop.household(s.villageId());
        long sku = shop.sku(shop.product(s, "核桃", false, null), 1_500, 10, 99, 500, household);
        long orderId = paidOrder(List.of(Map.of("skuId", sku, "quantity", 1)));
        MapRecord<String, Object, Object> original = streams.published("ORDER_PAID", orderId);
        awaitPosted("order-paid:" + orderId);

        Map<String, String> fields = new java.util.LinkedHashMap<>();
        original.getValue().forEach((k, v) -> fields.put(k.toString(), v.toString()));
        RecordId last = null;
        for (int i = 0; i < 3; i++) {
            last = streams.add(fields);
        }
        streams.awaitAcknowledged(last);

        assertThat(fx.entries("order-paid:" + orderId)).isEqualTo(1);
        assertThat(fx.pending(household)).isEqualTo(1_500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_rejected_event WHERE event_id = ?", Long.class,
                Long.valueOf(fields.get("eventId")))).isZero();
    }

    @Test
    void aRefundBeforeItsPaymentStaysPendingAndIsPostedOnceThePaymentIs() {
        long household = shop.household(s.villageId());
        long sku = shop.sku(shop.product(s, "小米", false, null), 2_500, 10, 99, 500, household);
        long orderId = sqlOrder(null, sku, 2, 2_500);
        long lineId = lineOf(orderId);
        long refundId = sqlRefund(orderId, lineId, 5_000);

        RecordId refund = streams.add(IntakeStreams.event(TestData.next(), "REFUND_SUCCEEDED", "REFUND", refundId, "{}"));
        assertThat(streams.awaitDelivered(refund)).as("not ready: left pending").isTrue();
        assertThat(fx.entries("refund:" + refundId)).isZero();

        streams.add(IntakeStreams.event(TestData.next(), "ORDER_PAID", "ORDER", orderId, "{}"));
        awaitPosted("order-paid:" + orderId);
        assertThat(fx.pending(household)).isEqualTo(5_000);

        // reclaimed once idle, and now postable
        awaitPosted("refund:" + refundId);
        streams.awaitAcknowledged(refund);
        assertThat(fx.pending(household)).isZero();
        assertThat(fx.entries("refund:" + refundId)).isEqualTo(1);
    }

    @Test
    void aRefundOfASeatedGroupMemberWaitsForTheGroupsSuccessToBePosted() {
        long household = shop.household(s.villageId());
        long sku = shop.sku(shop.product(s, "糯米", false, null), 1_200, 10, 99, 500, household);
        long orderId = sqlOrder(null, sku, 1, 1_200);
        long group = succeededGroupSeating(sku, orderId);
        long refundId = sqlRefund(orderId, lineOf(orderId), 1_200);

        // the refund is handled first (e.g. by another consumer): the group succeeded, so it waits
        RecordId refund = streams.add(IntakeStreams.event(TestData.next(), "REFUND_SUCCEEDED", "REFUND", refundId, "{}"));
        assertThat(streams.awaitDelivered(refund)).as("not ready: left pending").isTrue();
        assertThat(fx.entries("refund:" + refundId)).isZero();

        streams.add(IntakeStreams.event(TestData.next(), "GROUP_BUY_SUCCEEDED", "GROUP_BUY", group,
                "{\"groupBuyId\": " + group + ", \"orderIds\": [" + orderId + "]}"));
        awaitPosted("order-paid:" + orderId);
        awaitPosted("refund:" + refundId);
        streams.awaitAcknowledged(refund);
        assertThat(fx.pending(household)).isZero();
    }

    @Test
    void aReceiptStartsTheAfterSaleWindowAndTheIncomeIsReleasedWhenItCloses() {
        long household = shop.household(s.villageId());
        long sku = shop.sku(shop.product(s, "腊肉", false, null), 6_000, 10, 99, 500, household);
        long orderId = paidOrder(List.of(Map.of("skuId", sku, "quantity", 1)));
        awaitPosted("order-paid:" + orderId);
        assertThat(api().post("/api/v1/agency/orders/" + orderId + "/ship", s.staff().token(),
                Map.of("carrier", "顺丰", "trackingNo", "SF" + TestData.next())).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/orders/" + orderId + "/confirm-receipt", buyer.token(), "").status()).isEqualTo(200);

        // a receipt is a source event and a date on the ledger's order, not a journal entry
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM ledger_source_event WHERE event_key = ?",
                Long.class, "order-received:" + orderId) == 1);
        Instant received = jdbc.queryForObject("SELECT received_at FROM orders WHERE id = ?", Timestamp.class, orderId).toInstant();
        Instant due = jdbc.queryForObject("SELECT release_due_at FROM ledger_order WHERE order_id = ?", Timestamp.class, orderId)
                .toInstant();
        assertThat(due).isEqualTo(received.plus(Duration.ofDays(7)));

        assertThat(ledger.releaseIfDue(orderId, due.minusMillis(1))).isFalse();
        assertThat(fx.pending(household)).isEqualTo(6_000);
        assertThat(ledger.releaseIfDue(orderId, due)).isTrue();
        assertThat(fx.pending(household)).isZero();
        assertThat(fx.available(household)).isEqualTo(6_000);
    }

    @Test
    void groupBuyOrdersArePostedWhenTheGroupSucceedsAndAFailedGroupsRefundIsSkipped() {
        long household = shop.household(s.villageId());
        long sku = shop.sku(shop.product(s, "脐橙", false, null), 1_000, 50, 99, 500, household);
        long group = LedgerFixtures.id();
        long failedGroup = LedgerFixtures.id();
        long a = placeOrder(List.of(Map.of("skuId", sku, "quantity", 1)));
        long b = placeOrder(List.of(Map.of("skuId", sku, "quantity", 2)));
        long c = placeOrder(List.of(Map.of("skuId", sku, "quantity", 3)));
        jdbc.update("UPDATE orders SET group_buy_id = ? WHERE id IN (?, ?)", group, a, b);
        jdbc.update("UPDATE orders SET group_buy_id = ? WHERE id = ?", failedGroup, c);
        for (long order : List.of(a, b, c)) {
            pay(order);
        }
        for (long order : List.of(a, b, c)) {
            streams.awaitAcknowledged(streams.published("ORDER_PAID", order).getId());
            assertThat(fx.entries("order-paid:" + order)).as("a group order is not posted at payment").isZero();
        }

        // the failed group's order is refunded: nothing was credited, nothing to reverse, nothing parked
        long line = api().get("/api/v1/orders/" + c, buyer.token()).json().path("lines").get(0).path("id").asLong();
        long refundId = api().post("/api/v1/orders/" + c + "/refunds", buyer.token(), Map.of("lineId", line,
                "claimType", "NO_REASON", "reason", "拼团失败", "photos", List.of())).json().path("id").asLong();
        assertThat(api().post("/api/v1/agency/refunds/" + refundId + "/approve", s.staff().token(), "").json()
                .path("status").asString()).isEqualTo("SUCCEEDED");
        streams.awaitAcknowledged(streams.published("REFUND_SUCCEEDED", refundId).getId());
        assertThat(fx.entries("refund:" + refundId)).isZero();
        assertThat(parked("refund#" + refundId)).isZero();

        String success = "{\"groupBuyId\": " + group + ", \"orderIds\": [" + a + ", " + b + "]}";
        streams.add(IntakeStreams.event(TestData.next(), "GROUP_BUY_SUCCEEDED", "GROUP_BUY", group, success));
        awaitPosted("order-paid:" + a);
        awaitPosted("order-paid:" + b);
        assertThat(fx.pending(household)).isEqualTo(3_000);

        // once more (a replay), and an event naming an order of another group: posted once; parked and acknowledged
        streams.awaitAcknowledged(streams.add(IntakeStreams.event(TestData.next(), "GROUP_BUY_SUCCEEDED", "GROUP_BUY", group, success)));
        RecordId wrong = streams.add(IntakeStreams.event(TestData.next(), "GROUP_BUY_SUCCEEDED", "GROUP_BUY", group,
                "{\"groupBuyId\": " + group + ", \"orderIds\": [" + c + "]}"));
        streams.awaitAcknowledged(wrong);
        assertThat(fx.entries("order-paid:" + a)).isEqualTo(1);
        assertThat(fx.entries("order-paid:" + c)).isZero();
        assertThat(fx.pending(household)).isEqualTo(3_000);
        assertThat(parked("order#" + c)).isEqualTo(1);

        // admins see the parked event; a retry still cannot post it; it can be marked as dealt with
        long parkedId = jdbc.queryForObject("SELECT id FROM ledger_rejected_event WHERE stream_id = ? AND subject = ?",
                Long.class, wrong.getValue(), "order#" + c);
        TestData.Login admin = data.admin();
        Api.Response list = api().get("/api/v1/admin/ledger/rejected-events?size=100", admin.token());
        assertThat(list.status()).isEqualTo(200);
        List<String> subjects = new ArrayList<>();
        list.json().path("items").forEach(item -> subjects.add(item.path("subject").asString()));
        assertThat(subjects).contains("order#" + c);
        assertThat(api().get("/api/v1/admin/ledger/rejected-events", s.staff().token()).status()).isEqualTo(403);
        JsonNode retry = api().post("/api/v1/admin/ledger/rejected-events/" + parkedId + "/retry", admin.token(), "").json();
        assertThat(retry.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(retry.path("resolved").asBoolean()).isFalse();
        assertThat(api().post("/api/v1/admin/ledger/rejected-events/" + parkedId + "/resolve", admin.token(), "").status())
                .isEqualTo(200);
        assertThat(api().post("/api/v1/admin/ledger/rejected-events/" + parkedId + "/resolve", admin.token(), "").code())
                .isEqualTo("LEDGER_EVENT_RESOLVED");
        assertThat(api().post("/api/v1/admin/ledger/rejected-events/999999999/retry", admin.token(), "").code())
                .isEqualTo("LEDGER_EVENT_NOT_FOUND");
    }

    @Test
    void concurrentConsumersOfTheSameEventsPostEachOrderOnce() throws Exception {
        long early = shop.household(s.villageId());
        long late = shop.household(s.villageId());
        long sku = shop.simpleSku(s, 2_000, 100);
        long earlyLot = shop.lot(sku, early, 7, 800L, null, LocalDate.now().minusDays(2));
        long lateLot = shop.lot(sku, late, 20, null, 4_000, LocalDate.now().minusDays(1));
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            orders.add(sqlOrder(null, sku, 2, 2_000));
        }
        String stream = "zhunong:events:test:" + TestData.next();
        for (int copy = 0; copy < 3; copy++) {
            for (long order : orders) {
                streams.add(stream, IntakeStreams.event(TestData.next(), "ORDER_PAID", "ORDER", order, "{}"));
            }
        }
        // two consumers share group g1, a third reads everything again in group g2
        List<LedgerStreamConsumer> consumers = List.of(intake.newConsumer(stream, "g1", "c1", 2),
                intake.newConsumer(stream, "g1", "c2", 2), intake.newConsumer(stream, "g2", "c3", 5));
        consumers.forEach(LedgerStreamConsumer::ensureGroup);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(consumers.size());
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (LedgerStreamConsumer consumer : consumers) {
                Callable<Integer> drain = () -> {
                    start.await();
                    int handled = 0;
                    int read;
                    while ((read = consumer.poll()) > 0) {
                        handled += read;
                    }
                    return handled;
                };
                done.add(pool.submit(drain));
            }
            start.countDown();
            int handled = 0;
            for (Future<Integer> f : done) {
                handled += f.get();
            }
            assertThat(handled).isEqualTo(2 * 3 * orders.size());
        } finally {
            pool.shutdownNow();
            consumers.forEach(LedgerStreamConsumer::close);
        }

        assertThat(streams.pendingCount(stream, "g1")).isZero();
        assertThat(streams.pendingCount(stream, "g2")).isZero();
        for (long order : orders) {
            assertThat(fx.entries("order-paid:" + order)).isEqualTo(1);
        }
        // 16 units: 7 from the older lot at 8.00, 9 from the newer at 40% of 20.00 each
        assertThat(fx.unitsAllocated(earlyLot)).isEqualTo(7);
        assertThat(fx.unitsAllocated(lateLot)).isEqualTo(9);
        assertThat(fx.pending(early)).isEqualTo(7 * 800);
        assertThat(fx.pending(late)).isEqualTo(9 * 800);
        redis.delete(stream);
    }

    // --- helpers ---------------------------------------------------------------------------

    private void awaitPosted(String key) {
        await().atMost(WAIT).until(() -> fx.entries(key) == 1);
    }

    private long parked(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_rejected_event WHERE subject = ?", Long.class, subject);
    }

    private long placeOrder(List<Map<String, Object>> items) {
        Api.Response placed = new OrderClient(port).placeOrder(buyer.token(), OrderClient.newKey(), body(items, "44"));
        assertThat(placed.status()).isEqualTo(201);
        return placed.json().path("id").asLong();
    }

    private void pay(long orderId) {
        assertThat(api().post("/api/v1/orders/" + orderId + "/payments/alipay", buyer.token(), Map.of("channel", "QR")).status())
                .isEqualTo(200);
        alipay.pay(shop.orderNo(orderId));
        await().atMost(WAIT).until(() -> "PAID".equals(shop.orderStatus(orderId)));
    }

    private long paidOrder(List<Map<String, Object>> items) {
        long id = placeOrder(items);
        pay(id);
        return id;
    }

    /** An order row paid (in the future) with one line, written directly: no outbox event is written for it. */
    private long sqlOrder(Long groupBuyId, long skuId, int quantity, long unitPrice) {
        Timestamp now = Timestamp.from(Instant.now());
        long total = unitPrice * quantity;
        long orderId = Rows.insert(jdbc, "INSERT INTO orders (order_no, user_id, agency_id, idempotency_key, request_hash, status, "
                + "goods_fen, shipping_fen, total_fen, receiver_name, receiver_phone_enc, receiver_phone_masked, province_code, "
                + "receiver_address, group_buy_id, expires_at, paid_fen, paid_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, 'PAID', ?, 0, ?, '张三', ?, '139****5678', '44', '测试地址', ?, ?, ?, ?, ?, ?)",
                "IT" + TestData.next(), buyer.userId(), s.agencyId(), "k" + TestData.next(), "0".repeat(64), total, total,
                new byte[] {1}, groupBuyId, now, total, Timestamp.from(FUTURE), now, now);
        Map<String, Object> sku = jdbc.queryForMap("SELECT s.product_id, p.village_id, s.household_id FROM sku s "
                + "JOIN product p ON p.id = s.product_id WHERE s.id = ?", skuId);
        jdbc.update("INSERT INTO order_line (order_id, sku_id, product_id, village_id, product_name, sku_spec, unit, unit_price_fen, "
                + "quantity, line_fen, report_milli_units, weight_grams, perishable, household_id) "
                + "VALUES (?, ?, ?, ?, '测试商品', '5斤装', 'BOX', ?, ?, ?, 10000, 500, 0, ?)", orderId, skuId, sku.get("product_id"),
                sku.get("village_id"), unitPrice, quantity, total, sku.get("household_id"));
        return orderId;
    }

    /** A SUCCEEDED group of one seat whose PAID member holds the order (written directly, like the order). */
    private long succeededGroupSeating(long skuId, long orderId) {
        Timestamp now = Timestamp.from(Instant.now());
        long activity = Rows.insert(jdbc, "INSERT INTO group_buy_activity (agency_id, sku_id, title, group_price_fen, group_size, "
                + "duration_minutes, per_user_limit, full_group_rule, starts_at, ends_at, status, created_by, created_at, updated_at) "
                + "VALUES (?, ?, '测试拼团', 1200, 2, 60, 5, 'REFUND', ?, ?, 'ACTIVE', ?, ?, ?)", s.agencyId(), skuId, now,
                Timestamp.from(FUTURE), s.staff().userId(), now, now);
        long group = Rows.insert(jdbc, "INSERT INTO group_buy (activity_id, agency_id, leader_user_id, leader_order_id, size, "
                + "paid_members, status, expires_at, succeeded_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 2, 2, 'SUCCEEDED', ?, ?, ?, ?)", activity, s.agencyId(), buyer.userId(), orderId,
                Timestamp.from(FUTURE), now, now, now);
        jdbc.update("INSERT INTO group_buy_member (activity_id, group_buy_id, user_id, idempotency_key, order_id, role, quantity, "
                + "status, paid_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'LEADER', 1, 'PAID', ?, ?, ?)", activity, group,
                buyer.userId(), "g" + TestData.next(), orderId, now, now, now);
        jdbc.update("UPDATE orders SET group_buy_id = ? WHERE id = ?", group, orderId);
        return group;
    }

    private long lineOf(long orderId) {
        return jdbc.queryForObject("SELECT id FROM order_line WHERE order_id = ?", Long.class, orderId);
    }

    private long sqlRefund(long orderId, long lineId, long amount) {
        Timestamp now = Timestamp.from(Instant.now());
        return Rows.insert(jdbc, "INSERT INTO refund (out_request_no, order_id, order_line_id, user_id, agency_id, claim_type, "
                + "reason, amount_fen, status, attempts, refunded_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, 'NO_REASON', '测试', ?, 'SUCCEEDED', 1, ?, ?, ?)", "RT" + TestData.next(), orderId, lineId,
                buyer.userId(), s.agencyId(), amount, Timestamp.from(FUTURE.plusSeconds(3600)), now, now);
    }
}
