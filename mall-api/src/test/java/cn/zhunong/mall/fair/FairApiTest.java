package cn.zhunong.mall.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.mall.adoption.KeyedPost;
import cn.zhunong.mall.ledger.LedgerFixtures;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.OrderTestData.Shop;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** 展销: fairs, photo evidence, sales recorded as OFFLINE orders credited to households like online sales. */
class FairApiTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    OrderTestData shop;
    @Autowired
    JdbcTemplate jdbc;

    private final AlipaySimulator alipay = TestAlipay.get().simulator();
    private LedgerFixtures fx;
    private KeyedPost keyed;
    private Shop s;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        fx = new LedgerFixtures(jdbc, data);
        keyed = new KeyedPost(port);
        s = shop.shop();
    }

    /** A household SKU and a SKU supplied by two households' lots (收购价 then income share), all alike. */
    private record Goods(long ownHousehold, long early, long late, long honey, long potato) {
    }

    private Goods goods() {
        long own = shop.household(s.villageId());
        long early = shop.household(s.villageId());
        long late = shop.household(s.villageId());
        // a shipping template: an online order pays shipping, a fair sale does not; goods are credited alike
        long template = shop.template(s.agencyId(), "FLAT", 800, 0, 0, null, null);
        long honey = shop.sku(shop.product(s, "土蜂蜜" + TestData.next(), false, template), 2_000, 10, 99, 500, own);
        long potato = shop.sku(shop.product(s, "土豆" + TestData.next(), false, template), 3_000, 20, 99, 500, null);
        shop.lot(potato, early, 2, 1_000L, null, LocalDate.now().minusDays(3));
        shop.lot(potato, late, 5, null, 5_000, LocalDate.now().minusDays(1));
        return new Goods(own, early, late, honey, potato);
    }

    @Test
    void aFairSaleIsCreditedToTheHouseholdsExactlyLikeTheSameOnlineSale() {
        Goods online = goods();
        Goods fair = goods();

        // online: a citizen buys 2 honey + 3 potatoes and pays through the simulator
        TestData.Login buyer = data.citizen();
        Api.Response placed = new OrderClient(port).placeOrder(buyer.token(), OrderClient.newKey(), OrderClient.body(List.of(
                Map.of("skuId", online.honey(), "quantity", 2), Map.of("skuId", online.potato(), "quantity", 3)), "44"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        long onlineOrder = placed.json().path("id").asLong();
        assertThat(api().post("/api/v1/orders/" + onlineOrder + "/payments/alipay", buyer.token(), Map.of("channel", "QR"))
                .status()).isEqualTo(200);
        alipay.pay(shop.orderNo(onlineOrder));

        // the fair: the same goods at list price, paid on the spot
        long fairId = createFair(List.of(s.villageId()), null);
        long photo = upload(fairId);
        Api.Response sale = recordSale(fairId, OrderClient.newKey(), List.of(item(fair.honey(), 2, 2_000),
                item(fair.potato(), 3, 3_000)), List.of(photo), null);
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        JsonNode order = sale.json().path("order");
        long fairOrder = order.path("id").asLong();
        assertThat(order.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(order.path("shippingFen").asLong()).isZero();
        assertThat(order.path("paidFen").asLong()).isEqualTo(13_000);
        assertThat(order.path("receiver").path("phoneMasked").asString()).isEqualTo("138****0000");
        assertThat(jdbc.queryForObject("SELECT payment_method FROM orders WHERE id = ?", String.class, fairOrder))
                .isEqualTo("OFFLINE");
        // stock taken as for the online order
        assertThat(shop.stock(fair.honey())).isEqualTo(shop.stock(online.honey())).isEqualTo(8);
        assertThat(shop.stock(fair.potato())).isEqualTo(shop.stock(online.potato())).isEqualTo(17);
        assertThat(shop.events("ORDER_PAID", fairOrder)).isEqualTo(1);
        assertThat(shop.events("ORDER_RECEIVED", fairOrder)).isEqualTo(1);

        await().atMost(WAIT).until(() -> fx.entries("order-paid:" + onlineOrder) == 1 && fx.entries("order-paid:" + fairOrder) == 1);
        assertThat(shape(fairOrder)).isEqualTo(shape(onlineOrder));
        assertThat(fx.pending(fair.ownHousehold())).isEqualTo(fx.pending(online.ownHousehold())).isEqualTo(4_000);
        assertThat(fx.pending(fair.early())).isEqualTo(fx.pending(online.early())).isEqualTo(2_000);
        assertThat(fx.pending(fair.late())).isEqualTo(fx.pending(online.late())).isEqualTo(1_500);

        // received at recording: the after-sale window runs from then
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM ledger_source_event WHERE event_key = ?",
                Long.class, "order-received:" + fairOrder) == 1);
        Instant received = jdbc.queryForObject("SELECT received_at FROM orders WHERE id = ?", Timestamp.class, fairOrder)
                .toInstant();
        assertThat(jdbc.queryForObject("SELECT release_due_at FROM ledger_order WHERE order_id = ?", Timestamp.class, fairOrder)
                .toInstant()).isEqualTo(received.plus(Duration.ofDays(7)));

        JsonNode listed = api().get("/api/v1/agency/fairs/" + fairId + "/sales", s.staff().token()).json();
        assertThat(listed.path("items").get(0).path("evidenceIds").get(0).asLong()).isEqualTo(photo);
        Api.Response image = api().get("/api/v1/agency/fairs/" + fairId + "/evidence/" + photo, s.staff().token());
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/png");
    }

    @Test
    void recordingIsIdempotentPerKey() {
        Goods g = goods();
        long fairId = createFair(List.of(s.villageId()), null);
        long photo = upload(fairId);
        String key = OrderClient.newKey();
        List<Map<String, Object>> items = List.of(item(g.honey(), 1, 1_800));
        Api.Response first = recordSale(fairId, key, items, List.of(photo), null);
        Api.Response again = recordSale(fairId, key, items, List.of(photo), null);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(again.json().path("order").path("id").asLong()).isEqualTo(first.json().path("order").path("id").asLong());
        assertThat(shop.stock(g.honey())).isEqualTo(9);
        assertThat(shop.events("ORDER_PAID", first.json().path("order").path("id").asLong())).isEqualTo(1);
        // the same key with another price is not the same sale
        assertThat(recordSale(fairId, key, List.of(item(g.honey(), 1, 1_500)), List.of(photo), null).code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // a below-list price is the price actually charged
        assertThat(first.json().path("order").path("goodsFen").asLong()).isEqualTo(1_800);
    }

    @Test
    void badInputIsRefusedWithStableCodes() {
        Goods g = goods();
        long fairId = createFair(List.of(s.villageId()), "FAIR-" + TestData.next());
        long photo = upload(fairId);
        List<Long> photos = List.of(photo);

        Map<String, Object> noVillages = fairBody(List.of(), null);
        Api.Response invalid = api().post("/api/v1/agency/fairs", s.staff().token(), noVillages);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        Map<String, Object> badPhone = fairBody(List.of(s.villageId()), null);
        badPhone.put("contactPhone", "12345");
        assertThat(api().post("/api/v1/agency/fairs", s.staff().token(), badPhone).code()).isEqualTo("VALIDATION_FAILED");

        Api.Response text = api().upload("/api/v1/agency/fairs/" + fairId + "/evidence", s.staff().token(), "a.png",
                "not an image".getBytes());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.code()).isEqualTo("UNSUPPORTED_IMAGE");
        byte[] huge = Arrays.copyOf(PNG, 2 * 1024 * 1024 + 1);
        Api.Response large = api().upload("/api/v1/agency/fairs/" + fairId + "/evidence", s.staff().token(), "b.png", huge);
        assertThat(large.status()).isEqualTo(413);

        assertThat(recordSale(fairId, null, List.of(item(g.honey(), 1, 2_000)), photos, null).code())
                .isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        Api.Response above = recordSale(fairId, OrderClient.newKey(), List.of(item(g.honey(), 1, 2_500)), photos, null);
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.code()).isEqualTo("FAIR_PRICE_ABOVE_LIST");
        Api.Response explained = recordSale(fairId, OrderClient.newKey(), List.of(item(g.honey(), 1, 2_500)), photos,
                "礼盒包装另收 5 元");
        assertThat(explained.status()).as(explained.body()).isEqualTo(201);
        assertThat(explained.json().path("priceReason").asString()).isEqualTo("礼盒包装另收 5 元");

        assertThat(recordSale(fairId, OrderClient.newKey(), List.of(item(g.honey(), 1, 2_000)), List.of(999_999_999L), null)
                .code()).isEqualTo("FAIR_EVIDENCE_UNKNOWN");
        long otherShopSku = shop.simpleSku(shop.shop(), 1_000, 5);
        assertThat(recordSale(fairId, OrderClient.newKey(), List.of(item(otherShopSku, 1, 1_000)), photos, null).code())
                .isEqualTo("FAIR_SKU_NOT_ALLOWED");
        assertThat(recordSale(fairId, OrderClient.newKey(), List.of(item(g.honey(), 0, 2_000)), photos, null).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(recordSale(fairId, OrderClient.newKey(), List.of(item(g.honey(), 50, 2_000)), photos, null).code())
                .isEqualTo("STOCK_INSUFFICIENT");

        long future = createFairOn(List.of(s.villageId()), TODAY.plusDays(3));
        long futurePhoto = upload(future);
        assertThat(recordSale(future, OrderClient.newKey(), List.of(item(g.honey(), 1, 2_000)), List.of(futurePhoto), null)
                .code()).isEqualTo("FAIR_NOT_STARTED");
        // a citizen may not record sales
        assertThat(recordSale(fairId, OrderClient.newKey(), List.of(item(g.honey(), 1, 2_000)), photos, null, data.citizen())
                .status()).isEqualTo(403);
    }

    @Test
    void anotherAgencySeesNothing() {
        Goods g = goods();
        long fairId = createFair(List.of(s.villageId()), null);
        long photo = upload(fairId);
        TestData.Login stranger = shop.shop().staff();

        Api.Response get = api().get("/api/v1/agency/fairs/" + fairId, stranger.token());
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.code()).isEqualTo("FAIR_NOT_FOUND");
        assertThat(api().upload("/api/v1/agency/fairs/" + fairId + "/evidence", stranger.token(), "a.png", PNG).status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/agency/fairs/" + fairId + "/evidence/" + photo, stranger.token()).status()).isEqualTo(404);
        assertThat(recordSale(fairId, OrderClient.newKey(), List.of(item(g.honey(), 1, 2_000)), List.of(photo), null, stranger)
                .status()).isEqualTo(404);
        assertThat(api().get("/api/v1/agency/fairs/" + fairId + "/sales", stranger.token()).status()).isEqualTo(404);
        Api.Response create = api().post("/api/v1/agency/fairs", stranger.token(), fairBody(List.of(s.villageId()), null));
        assertThat(create.status()).isEqualTo(404);
        assertThat(create.code()).isEqualTo("VILLAGE_NOT_FOUND");
        assertThat(shop.stock(g.honey())).isEqualTo(10);
    }

    private long createFair(List<Long> villages, String campaign) {
        Api.Response created = api().post("/api/v1/agency/fairs", s.staff().token(), fairBody(villages, campaign));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private long createFairOn(List<Long> villages, LocalDate date) {
        Map<String, Object> body = fairBody(villages, null);
        body.put("date", date.toString());
        Api.Response created = api().post("/api/v1/agency/fairs", s.staff().token(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private Map<String, Object> fairBody(List<Long> villages, String campaign) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "天河社区助农展销会");
        body.put("place", "广州市天河区体育西路社区广场");
        body.put("date", TODAY.toString());
        body.put("villageIds", villages);
        body.put("contactPhone", "13800000000");
        if (campaign != null) {
            body.put("campaignCode", campaign);
        }
        return body;
    }

    private long upload(long fairId) {
        Api.Response uploaded = api().upload("/api/v1/agency/fairs/" + fairId + "/evidence", s.staff().token(), "photo.png", PNG);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return uploaded.json().path("id").asLong();
    }

    private static Map<String, Object> item(long sku, int quantity, long unitPriceFen) {
        return Map.of("skuId", sku, "quantity", quantity, "unitPriceFen", unitPriceFen);
    }

    private Api.Response recordSale(long fairId, String key, List<Map<String, Object>> items, List<Long> evidence, String reason) {
        return recordSale(fairId, key, items, evidence, reason, s.staff());
    }

    private Api.Response recordSale(long fairId, String key, List<Map<String, Object>> items, List<Long> evidence, String reason,
            TestData.Login who) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        body.put("evidenceIds", evidence);
        if (reason != null) {
            body.put("priceReason", reason);
        }
        return keyed.post("/api/v1/agency/fairs/" + fairId + "/sales", who.token(), key, body);
    }

    /** The allocations of an order without their ids and households: rule, units, income, status per line, in SKU order. */
    private List<String> shape(long orderId) {
        return jdbc.queryForList("SELECT a.rule, a.units, a.income_fen, a.status, l.quantity, l.line_fen FROM ledger_allocation a "
                + "JOIN order_line l ON l.id = a.order_line_id WHERE a.order_id = ? ORDER BY l.sku_id, a.seq_no", orderId)
                .stream().map(r -> r.get("rule") + "/" + r.get("units") + "/" + r.get("income_fen") + "/" + r.get("status") + "/"
                        + r.get("quantity") + "/" + r.get("line_fen")).toList();
    }
}
