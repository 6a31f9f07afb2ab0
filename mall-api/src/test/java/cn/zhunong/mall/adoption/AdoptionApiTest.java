package cn.zhunong.mall.adoption;

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
import cn.zhunong.mall.support.Parallel;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** 爱心认购 end to end: publish, adopt, agreement, pay through the simulator, ledger, harvest delivery, scope. */
class AdoptionApiTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    OrderTestData shop;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerService ledger;

    private final AlipaySimulator alipay = TestAlipay.get().simulator();
    private LedgerFixtures fx;
    private KeyedPost keyed;
    private Shop s;
    private long household;
    private long sku;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        fx = new LedgerFixtures(jdbc, data);
        keyed = new KeyedPost(port);
        s = shop.shop();
        household = shop.household(s.villageId());
        sku = shop.sku(shop.product(s, "认养脐橙树" + TestData.next(), false, null), 10_000, 100, 99, 500, household);
    }

    @Test
    void adoptPayDeliverHarvestAndTheIncomeBecomesAvailableAfterTheWindow() {
        long offer = publish(8_800, 5);
        TestData.Login buyer = data.citizen();

        Api.Response adopted = adopt(buyer, offer, 2, OrderClient.newKey());
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        long adoptionId = adopted.json().path("id").asLong();
        long orderId = adopted.json().path("order").path("id").asLong();
        String agreementNo = adopted.json().path("agreementNo").asString();
        assertThat(agreementNo).startsWith("RG");
        assertThat(adopted.json().path("order").path("totalFen").asLong()).isEqualTo(17_600);
        assertThat(adopted.json().path("order").path("lines").get(0).path("unitPriceFen").asLong()).isEqualTo(8_800);
        assertThat(offerRow(offer, "adopted_items")).isEqualTo(2);

        // the agreement: both parties, the item, price, harvest, yield, delivery, failure rule, number
        Api.Response agreement = api().get("/api/v1/adoptions/" + adoptionId + "/agreement", buyer.token());
        assertThat(agreement.status()).isEqualTo(200);
        assertThat(agreement.contentType()).startsWith("text/html");
        String html = agreement.body();
        String agencyName = jdbc.queryForObject("SELECT name FROM agency WHERE id = ?", String.class, s.agencyId());
        assertThat(html).contains("爱心认购协议", agreementNo, "张三", "139****5678", agencyName, "果树", "龙岗村 7 号脐橙树",
                "每份 88.00 元，共计 176.00 元", TODAY.plusMonths(6).getYear() + "年", "每份 1.5 公斤，合计 3 公斤",
                "顺丰冷链到家", "绝收", "不是捐赠");
        assertThat(html).doesNotContain("13912345678");
        // a later edit of the offer does not change the stored agreement
        jdbc.update("UPDATE adoption_offer SET delivery = '改为自提' WHERE id = ?", offer);
        assertThat(api().get("/api/v1/adoptions/" + adoptionId + "/agreement", buyer.token()).body()).isEqualTo(html);
        assertThat(api().get("/api/v1/agency/adoptions/" + adoptionId + "/agreement", s.staff().token()).body()).isEqualTo(html);

        // harvest cannot be recorded before payment
        Api.Response early = deliver(s.staff(), adoptionId, TODAY);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("ADOPTION_NOT_PAID");

        pay(buyer, orderId);
        await().atMost(WAIT).until(() -> fx.entries("order-paid:" + orderId) == 1);
        assertThat(fx.pending(household)).isEqualTo(17_600);
        assertThat(fx.available(household)).isZero();

        // neither the buyer's confirm-receipt nor an ordinary shipment before the harvest is delivered
        Api.Response confirm = api().post("/api/v1/orders/" + orderId + "/confirm-receipt", buyer.token(), "");
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.code()).isEqualTo("ADOPTION_HARVEST_NOT_DELIVERED");
        Api.Response ship = api().post("/api/v1/agency/orders/" + orderId + "/ship", s.staff().token(),
                Map.of("carrier", "顺丰", "trackingNo", "SF" + TestData.next()));
        assertThat(ship.status()).isEqualTo(409);
        assertThat(ship.code()).isEqualTo("ADOPTION_HARVEST_NOT_DELIVERED");

        Api.Response delivered = deliver(s.staff(), adoptionId, TODAY);
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.json().path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.json().path("deliveredQuantity").decimalValue()).isEqualByComparingTo("3.2");
        assertThat(delivered.json().path("order").path("status").asString()).isEqualTo("RECEIVED");
        // recording again resumes nothing and changes nothing
        assertThat(deliver(s.staff(), adoptionId, TODAY).json().path("order").path("status").asString()).isEqualTo("RECEIVED");

        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM ledger_source_event WHERE event_key = ?",
                Long.class, "order-received:" + orderId) == 1);
        Instant received = jdbc.queryForObject("SELECT received_at FROM orders WHERE id = ?", Timestamp.class, orderId).toInstant();
        Instant due = jdbc.queryForObject("SELECT release_due_at FROM ledger_order WHERE order_id = ?", Timestamp.class, orderId)
                .toInstant();
        assertThat(due).isEqualTo(received.plus(Duration.ofDays(7)));
        assertThat(ledger.releaseIfDue(orderId, due.minusMillis(1))).isFalse();
        assertThat(fx.pending(household)).isEqualTo(17_600);
        assertThat(ledger.releaseIfDue(orderId, due)).isTrue();
        assertThat(fx.pending(household)).isZero();
        assertThat(fx.available(household)).isEqualTo(17_600);

        JsonNode mine = api().get("/api/v1/adoptions", buyer.token()).json();
        assertThat(mine.path("items").get(0).path("id").asLong()).isEqualTo(adoptionId);
    }

    @Test
    void parallelAdoptersNeverGetMoreItemsThanTheOfferHasAndACancelledOrderGivesItsItemsBack() {
        long offer = publish(1_000, 5);
        List<TestData.Login> buyers = shop.buyers(12);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (TestData.Login buyer : buyers) {
            calls.add(() -> adopt(buyer, offer, 1, OrderClient.newKey()));
        }
        List<Api.Response> results = Parallel.run(calls);

        List<Api.Response> created = results.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(5);
        assertThat(results.stream().filter(r -> r.status() == 409).map(Api.Response::code).distinct().toList())
                .containsExactly("ADOPTION_SOLD_OUT");
        assertThat(offerRow(offer, "adopted_items")).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM adoption WHERE offer_id = ?", Integer.class, offer)).isEqualTo(5);

        // an unpaid adoption order cancelled: its item goes back and someone else can adopt it
        Api.Response first = created.get(0);
        long orderId = first.json().path("order").path("id").asLong();
        String token = buyers.stream().filter(b -> b.userId() == jdbc.queryForObject("SELECT user_id FROM orders WHERE id = ?",
                Long.class, orderId)).findFirst().orElseThrow().token();
        assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", token, "").status()).isEqualTo(200);
        assertThat(offerRow(offer, "adopted_items")).isEqualTo(4);
        assertThat(adopt(data.citizen(), offer, 1, OrderClient.newKey()).status()).isEqualTo(201);
        assertThat(offerRow(offer, "adopted_items")).isEqualTo(5);
    }

    @Test
    void theSameKeyReturnsTheSameAdoption() {
        long offer = publish(1_000, 5);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        Api.Response a = adopt(buyer, offer, 1, key);
        Api.Response b = adopt(buyer, offer, 1, key);
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.json().path("id").asLong()).isEqualTo(a.json().path("id").asLong());
        assertThat(offerRow(offer, "adopted_items")).isEqualTo(1);
        assertThat(adopt(buyer, offer, 2, key).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void badInputIsRefusedWithStableCodes() {
        Map<String, Object> body = offerBody(1_000, 5);
        body.remove("harvestDate");
        body.put("priceFen", 0);
        Api.Response invalid = api().post("/api/v1/agency/adoption-offers", s.staff().token(), body);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");

        Map<String, Object> past = offerBody(1_000, 5);
        past.put("harvestDate", TODAY.toString());
        assertThat(api().post("/api/v1/agency/adoption-offers", s.staff().token(), past).code()).isEqualTo("HARVEST_DATE_PAST");

        Map<String, Object> otherHousehold = offerBody(1_000, 5);
        otherHousehold.put("householdId", shop.household(s.villageId()));
        Api.Response mismatch = api().post("/api/v1/agency/adoption-offers", s.staff().token(), otherHousehold);
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.code()).isEqualTo("ADOPTION_SKU_MISMATCH");

        Map<String, Object> tooMany = offerBody(1_000, 101);
        assertThat(api().post("/api/v1/agency/adoption-offers", s.staff().token(), tooMany).code())
                .isEqualTo("ADOPTION_SKU_STOCK_SHORT");

        long offer = publish(1_000, 5);
        assertThat(api().post("/api/v1/agency/adoption-offers", s.staff().token(), offerBody(1_000, 5)).code())
                .isEqualTo("ADOPTION_SKU_TAKEN");
        TestData.Login buyer = data.citizen();
        assertThat(adopt(buyer, offer, 1, null).code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(adopt(buyer, offer, 0, OrderClient.newKey()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(adopt(buyer, offer, 6, OrderClient.newKey()).code()).isEqualTo("ADOPTION_SOLD_OUT");
        assertThat(adopt(buyer, 999_999_999L, 1, OrderClient.newKey()).code()).isEqualTo("ADOPTION_OFFER_NOT_FOUND");

        Api.Response adopted = adopt(buyer, offer, 1, OrderClient.newKey());
        long adoptionId = adopted.json().path("id").asLong();
        long orderId = adopted.json().path("order").path("id").asLong();
        pay(buyer, orderId);
        assertThat(deliver(s.staff(), adoptionId, TODAY.plusDays(1)).code()).isEqualTo("DELIVERY_DATE_FUTURE");
        assertThat(api().post("/api/v1/agency/adoptions/" + adoptionId + "/harvest-delivery", s.staff().token(),
                Map.of("deliveredQuantity", 0, "deliveredOn", TODAY.toString(), "evidence", "x")).code())
                .isEqualTo("VALIDATION_FAILED");

        assertThat(api().post("/api/v1/agency/adoption-offers/" + offer + "/close", s.staff().token(), "").json()
                .path("status").asString()).isEqualTo("CLOSED");
        assertThat(adopt(buyer, offer, 1, OrderClient.newKey()).code()).isEqualTo("ADOPTION_OFFER_CLOSED");
        // citizens may not publish
        assertThat(api().post("/api/v1/agency/adoption-offers", buyer.token(), offerBody(1_000, 5)).status()).isEqualTo(403);
    }

    @Test
    void anotherAgencySeesNothing() {
        long offer = publish(1_000, 5);
        TestData.Login buyer = data.citizen();
        Api.Response adopted = adopt(buyer, offer, 1, OrderClient.newKey());
        long adoptionId = adopted.json().path("id").asLong();
        TestData.Login stranger = shop.shop().staff();

        assertThat(api().get("/api/v1/agency/adoption-offers/" + offer, stranger.token()).code())
                .isEqualTo("ADOPTION_OFFER_NOT_FOUND");
        assertThat(api().get("/api/v1/agency/adoption-offers/" + offer, stranger.token()).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/agency/adoption-offers/" + offer + "/close", stranger.token(), "").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/agency/adoptions/" + adoptionId + "/agreement", stranger.token()).status()).isEqualTo(404);
        Api.Response deliver = deliver(stranger, adoptionId, TODAY);
        assertThat(deliver.status()).isEqualTo(404);
        assertThat(deliver.code()).isEqualTo("ADOPTION_NOT_FOUND");
        Api.Response publish = api().post("/api/v1/agency/adoption-offers", stranger.token(), offerBody(1_000, 5));
        assertThat(publish.status()).isEqualTo(404);
        assertThat(publish.code()).isEqualTo("VILLAGE_NOT_FOUND");
        assertThat(api().get("/api/v1/agency/adoption-offers", stranger.token()).json().path("items").toString())
                .doesNotContain("\"id\":" + offer + ",");
        // another citizen cannot read the agreement
        assertThat(api().get("/api/v1/adoptions/" + adoptionId + "/agreement", data.citizen().token()).status()).isEqualTo(404);
    }

    private long publish(long priceFen, int items) {
        Api.Response published = api().post("/api/v1/agency/adoption-offers", s.staff().token(), offerBody(priceFen, items));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().path("id").asLong();
    }

    private Map<String, Object> offerBody(long priceFen, int items) {
        Map<String, Object> body = new HashMap<>();
        body.put("villageId", s.villageId());
        body.put("householdId", household);
        body.put("skuId", sku);
        body.put("kind", "TREE");
        body.put("title", "认养一棵脐橙树");
        body.put("subject", "龙岗村 7 号脐橙树");
        body.put("harvestDate", TODAY.plusMonths(6).toString());
        body.put("expectedYield", "1.5");
        body.put("yieldUnit", "KG");
        body.put("delivery", "顺丰冷链到家，收获后 3 日内发出");
        body.put("priceFen", priceFen);
        body.put("totalItems", items);
        return body;
    }

    private Api.Response adopt(TestData.Login buyer, long offer, int items, String key) {
        return keyed.post("/api/v1/adoption-offers/" + offer + "/adoptions", buyer.token(), key, Map.of("items", items,
                "address", Map.of("name", "张三", "phone", "13912345678", "provinceCode", "44", "detail", "广州市天河区某路 1 号")));
    }

    private Api.Response deliver(TestData.Login staff, long adoptionId, LocalDate on) {
        return api().post("/api/v1/agency/adoptions/" + adoptionId + "/harvest-delivery", staff.token(),
                Map.of("deliveredQuantity", "3.2", "deliveredOn", on.toString(), "evidence", "顺丰 SF123456，签收照片见群"));
    }

    private void pay(TestData.Login buyer, long orderId) {
        assertThat(api().post("/api/v1/orders/" + orderId + "/payments/alipay", buyer.token(), Map.of("channel", "QR")).status())
                .isEqualTo(200);
        alipay.pay(shop.orderNo(orderId));
        await().atMost(WAIT).until(() -> "PAID".equals(shop.orderStatus(orderId)));
    }

    private int offerRow(long offer, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM adoption_offer WHERE id = ?", Integer.class, offer);
    }
}
