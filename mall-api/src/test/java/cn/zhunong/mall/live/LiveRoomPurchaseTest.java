package cn.zhunong.mall.live;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.LiveClient;
import cn.zhunong.mall.support.LiveRoomNode;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.Parallel;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In-room purchases end to end, with a real live-room node in the test JVM on the same Redis and
 * database: the purchase ticker and the session's sales figures from a paid order, and the host's
 * flash sale (秒杀) bought through POST /orders by many buyers at once.
 */
class LiveRoomPurchaseTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    OrderTestData shop;

    @Autowired
    JdbcTemplate jdbc;

    private final AlipaySimulator alipay = TestAlipay.get().simulator();
    private final HttpClient http = HttpClient.newHttpClient();
    private LiveRoomNode live;
    private OrderClient orders;
    private long streamer;
    private long session;
    private long sku;
    private String productName;
    private TestData.Login host;
    private TestData.Login staff;

    @BeforeEach
    void liveSessionWithAShelf() {
        live = LiveRoomNode.get();
        orders = new OrderClient(port);
        TestAlipay.get().relay().forwardTo(port);
        LiveFixtures fixtures = new LiveFixtures(data);
        long agency = data.agency("直播带货社工站");
        long village = data.village(agency, "黄皮村");
        streamer = fixtures.streamer();
        long pairing = fixtures.pairing(village, streamer, "ACTIVE");
        host = data.hostOf(streamer);
        staff = data.staff(agency);
        OrderTestData.Shop store = new OrderTestData.Shop(agency, village, staff);
        productName = "黄皮" + TestData.next();
        sku = shop.sku(shop.product(store, productName, false, null), 2990, 100);

        Instant start = Instant.now().plus(1, ChronoUnit.MINUTES);
        Api.Response created = api().post("/api/v1/live-sessions", host.token(), Map.of("pairingId", pairing, "title", "黄皮直播",
                "scheduledStart", start.toString(), "scheduledEnd", start.plus(2, ChronoUnit.HOURS).toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        session = created.json().path("id").asLong();
        assertThat(api().post("/api/v1/live-sessions/" + session + "/start", host.token(), "{}").status()).isEqualTo(200);
        assertThat(api().put("/api/v1/live-sessions/" + session + "/shelf", host.token(), Map.of("skuIds", List.of(sku)))
                .status()).isEqualTo(200);
    }

    @AfterEach
    void notifiesBackOn() {
        alipay.setNotifiesEnabled(true);
    }

    @Test
    void aPaidOrderOfTheSessionShowsInTheTickerWithTheMaskedNicknameAndCountsInTheSalesFigures() throws Exception {
        TestData.Login buyer = data.citizen();
        jdbc.update("UPDATE user_account SET display_name = '黄小明' WHERE id = ?", buyer.userId());
        try (LiveClient viewer = LiveClient.connect(live.socketUrl(), null)) {
            viewer.join(session);
            Map<String, Object> order = body(sku, 2);
            order.put("attribution", Map.of("liveSessionId", session, "streamerId", streamer));
            Api.Response placed = orders.placeOrder(buyer.token(), OrderClient.newKey(), order);
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            long orderId = placed.json().path("id").asLong();
            pay(orderId, buyer);

            JSONObject ticker = viewer.await("purchase");
            assertThat(ticker.getString("text")).isEqualTo("黄** 刚刚买了 2 箱 " + productName);
            assertThat(ticker.getString("buyer")).isEqualTo("黄**");
        }
        JSONObject metrics = liveMetrics();
        assertThat(metrics.getLong("orders")).isEqualTo(1);
        assertThat(metrics.getLong("gmvFen")).isEqualTo(2 * 2990);
        assertThat(metrics.getLong("buyers")).isEqualTo(1);
        assertThat(metrics.getLong("uniqueViewers")).isEqualTo(1);
        assertThat(metrics.getBigDecimal("conversion")).isEqualByComparingTo("1");
        assertThat(metrics.getLong("gpmFen")).isEqualTo(2 * 2990 * 1000L);
    }

    @Test
    void fiftyBuyersOnTenFlashUnitsMakeExactlyTenOrdersAndEveryViewerHearsItSoldOut() {
        try (LiveClient hostClient = LiveClient.connect(live.socketUrl(), host.token());
                LiveClient viewer = LiveClient.connect(live.socketUrl(), data.citizen().token())) {
            hostClient.join(session);
            JSONObject viewerJoin = viewer.join(session);
            assertThat(viewerJoin.isNull("flashSale")).isTrue();

            // only the session's host starts a sale: a viewer (whatever role it claims) and another host are refused
            JSONObject forged = viewer.request("flash_start", flashStart(10, 990).put("role", "HOST"));
            assertThat(forged.getString("code")).isEqualTo("FORBIDDEN");
            try (LiveClient otherHost = LiveClient.connect(live.socketUrl(), data.hostOf(new LiveFixtures(data).streamer()).token())) {
                otherHost.join(session);
                assertThat(otherHost.request("flash_start", flashStart(10, 990)).getString("code")).isEqualTo("FORBIDDEN");
            }
            assertThat(hostClient.request("flash_start", flashStart(10, 3000)).getString("code")).isEqualTo("INVALID_PAYLOAD");
            assertThat(hostClient.request("flash_start", flashStart(101, 990)).getString("code"))
                    .isEqualTo("FLASH_SALE_STOCK_SHORT");

            JSONObject started = hostClient.request("flash_start", flashStart(10, 990));
            assertThat(started.getBoolean("ok")).as(started.toString()).isTrue();
            String saleId = started.getString("flashSaleId");
            JSONObject announced = viewer.await("flash_sale");
            assertThat(announced.getString("flashSaleId")).isEqualTo(saleId);
            assertThat(announced.getLong("units")).isEqualTo(10);
            assertThat(announced.getLong("priceFen")).isEqualTo(990);
            assertThat(announced.getLong("endsAt")).isEqualTo(started.getLong("endsAt"));
            assertThat(hostClient.request("flash_start", flashStart(5, 990)).getString("code")).isEqualTo("FLASH_SALE_RUNNING");

            List<TestData.Login> buyers = shop.buyers(50);
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (TestData.Login buyer : buyers) {
                calls.add(() -> orders.placeOrder(buyer.token(), OrderClient.newKey(), flashOrder(saleId)));
            }
            List<Api.Response> answers = Parallel.run(calls);
            List<Long> won = new ArrayList<>();
            List<TestData.Login> winners = new ArrayList<>();
            List<TestData.Login> losers = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                Api.Response answer = answers.get(i);
                if (answer.status() == 201) {
                    won.add(answer.json().path("id").asLong());
                    winners.add(buyers.get(i));
                    assertThat(answer.json().path("lines").get(0).path("unitPriceFen").asLong()).isEqualTo(990);
                    assertThat(answer.json().path("attribution").path("liveSessionId").asLong()).isEqualTo(session);
                    assertThat(answer.json().path("attribution").path("streamerId").asLong()).isEqualTo(streamer);
                } else {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                    assertThat(answer.code()).isEqualTo("FLASH_SALE_SOLD_OUT");
                    losers.add(buyers.get(i));
                }
            }
            assertThat(won).hasSize(10);
            assertThat(losers).hasSize(40);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE flash_sale_id = ?", Integer.class,
                    Long.parseLong(saleId))).isEqualTo(10);
            assertThat(shop.stock(sku)).isEqualTo(90);
            viewer.await("flash_sale_sold_out", e -> e.getString("flashSaleId").equals(saleId));

            // one unit per buyer; a closed order gives its unit back, to the sale and to the buyer
            assertThat(orders.placeOrder(winners.get(0).token(), OrderClient.newKey(), flashOrder(saleId)).code())
                    .isEqualTo("FLASH_SALE_LIMIT_REACHED");
            assertThat(api().post("/api/v1/orders/" + won.get(1) + "/cancel", winners.get(1).token(), "{}").status())
                    .isEqualTo(200);
            viewer.await("flash_sale_update", e -> e.getLong("remaining") == 1);
            Api.Response second = orders.placeOrder(losers.get(0).token(), OrderClient.newKey(), flashOrder(saleId));
            assertThat(second.status()).as(second.body()).isEqualTo(201);
            viewer.await("flash_sale_sold_out", e -> e.getString("flashSaleId").equals(saleId));
            assertThat(shop.stock(sku)).isEqualTo(90);

            // the host ends it: viewers hear it, nobody buys any more
            assertThat(hostClient.request("flash_end", new JSONObject().put("sessionId", session).put("flashSaleId", saleId))
                    .getBoolean("ended")).isTrue();
            assertThat(viewer.await("flash_sale_ended").getString("reason")).isEqualTo("HOST");
            assertThat(orders.placeOrder(winners.get(1).token(), OrderClient.newKey(), flashOrder(saleId)).code())
                    .isEqualTo("FLASH_SALE_ENDED");
        }
    }

    @Test
    void aFlashOrderMustBeTheSalesSku() {
        Map<String, Object> order = body(sku + 1_000_000, 1);
        order.put("attribution", Map.of("flashSaleId", 123456789L));
        assertThat(orders.placeOrder(data.citizen().token(), OrderClient.newKey(), order).code()).isEqualTo("FLASH_SALE_NOT_FOUND");
    }

    private JSONObject flashStart(int units, long priceFen) {
        return new JSONObject().put("sessionId", session).put("skuId", sku).put("units", units).put("priceFen", priceFen)
                .put("durationSeconds", 600);
    }

    private Map<String, Object> flashOrder(String saleId) {
        Map<String, Object> order = new HashMap<>(body(sku, 1));
        order.put("attribution", Map.of("flashSaleId", saleId));
        return order;
    }

    private void pay(long orderId, TestData.Login buyer) {
        Api.Response started = api().post("/api/v1/orders/" + orderId + "/payments/alipay", buyer.token(), Map.of("channel", "QR"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        alipay.pay(shop.orderNo(orderId));
        await().atMost(WAIT).until(() -> "PAID".equals(shop.orderStatus(orderId)));
    }

    private JSONObject liveMetrics() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(live.httpUrl() + "/api/v1/live/sessions/" + session + "/metrics"))
                .header("Authorization", "Bearer " + staff.token()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JSONObject(response.body());
    }
}
