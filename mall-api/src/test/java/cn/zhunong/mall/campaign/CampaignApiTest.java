package cn.zhunong.mall.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Campaigns: who may set them up, what they may say, and progress read from the attributed orders. */
class CampaignApiTest extends ApiTest {

    @Autowired
    OrderTestData shop;

    @Autowired
    JdbcTemplate jdbc;

    private OrderTestData.Shop s;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        s = shop.shop();
    }

    @Test
    void progressIsTheSumOfThePaidMinusRefundedOrdersCarryingTheCode() {
        long household = shop.household(s.villageId());
        long honeyProduct = shop.product(s, "农户自产蜂蜜", false, null);
        long honey = shop.sku(honeyProduct, 1000, 100, 99, 500, household);
        long riceProduct = shop.product(s, "合作社大米", false, null);
        long rice = shop.sku(riceProduct, 500, 100);
        shop.lot(rice, shop.household(s.villageId()), 2, 300L, null, LocalDate.now().minusDays(2));
        shop.lot(rice, shop.household(s.villageId()), 50, 300L, null, LocalDate.now().minusDays(1));
        String code = "YGDJ-" + TestData.next();
        Map<String, Object> body = campaign(code, "CONSUMPTION_ASSISTANCE", List.of(s.villageId()), List.of(honeyProduct, riceProduct));
        body.put("targetGmvFen", 8000);
        body.put("targetUnits", 60);
        body.put("targetHouseholds", 3);
        Api.Response created = api().post("/api/v1/agency/campaigns", s.staff().token(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("typeLabel").asString()).isEqualTo("以购代捐");

        TestData.Login first = data.citizen();
        long paid = pay(first, order(first, code, Map.of(honey, 2, rice, 1)));
        TestData.Login second = data.citizen();
        long refunded = pay(second, order(second, code, Map.of(honey, 1)));
        long line = jdbc.queryForObject("SELECT id FROM order_line WHERE order_id = ?", Long.class, refunded);
        long refundId = api().post("/api/v1/orders/" + refunded + "/refunds", second.token(),
                Map.of("lineId", line, "claimType", "NO_REASON", "reason", "买多了")).json().path("id").asLong();
        assertThat(api().post("/api/v1/agency/refunds/" + refundId + "/approve", s.staff().token(), "").json()
                .path("status").asString()).isEqualTo("SUCCEEDED");
        TestData.Login third = data.citizen();
        order(third, code, Map.of(honey, 5)); // never paid
        TestData.Login fourth = data.citizen();
        pay(fourth, order(fourth, "OTHER-" + TestData.next(), Map.of(honey, 7))); // another campaign
        TestData.Login fifth = data.citizen();
        long riceOrder = pay(fifth, order(fifth, code, Map.of(rice, 3)));
        // households now come from the ledger: wait until it has posted the payments and the refund
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry "
                + "WHERE idempotency_key IN (?, ?, ?, ?)", Long.class, "order-paid:" + paid, "order-paid:" + refunded,
                "order-paid:" + riceOrder, "refund:" + refundId) == 4);

        JsonNode progress = api().get("/api/v1/agency/campaigns/" + id + "/progress", s.staff().token()).json();
        // the same numbers straight from the orders tables
        Map<String, Object> expected = jdbc.queryForMap("SELECT SUM(l.line_fen - l.refunded_fen) AS gmv, "
                + "SUM(CASE WHEN l.refund_status = 'REFUNDED' THEN 0 ELSE l.quantity END) AS units, "
                + "COUNT(DISTINCT CASE WHEN l.refund_status <> 'REFUNDED' THEN o.user_id END) AS buyers "
                + "FROM orders o JOIN order_line l ON l.order_id = o.id WHERE o.campaign_code = ? AND o.paid_at IS NOT NULL", code);
        JsonNode totals = progress.path("totals");
        assertThat(totals.path("gmvFen").asLong()).isEqualTo(((Number) expected.get("gmv")).longValue()).isEqualTo(2000 + 500 + 1500);
        assertThat(totals.path("units").asLong()).isEqualTo(((Number) expected.get("units")).longValue()).isEqualTo(6);
        assertThat(totals.path("buyers").asLong()).isEqualTo(((Number) expected.get("buyers")).longValue()).isEqualTo(2);
        assertThat(totals.path("orders").asLong()).isEqualTo(2);
        assertThat(totals.path("households").asLong()).isEqualTo(3);
        assertThat(progress.path("gmvBp").asLong()).isEqualTo(5000);
        assertThat(progress.path("unitsBp").asLong()).isEqualTo(1000);
        assertThat(progress.path("householdsBp").asLong()).isEqualTo(10000);
        long dayGmv = 0;
        long dayUnits = 0;
        for (JsonNode day : progress.path("days")) {
            dayGmv += day.path("gmvFen").asLong();
            dayUnits += day.path("units").asLong();
        }
        assertThat(dayGmv).isEqualTo(4000);
        assertThat(dayUnits).isEqualTo(6);
        JsonNode lastDay = progress.path("days").get(progress.path("days").size() - 1);
        assertThat(lastDay.path("cumulativeGmvFen").asLong()).isEqualTo(4000);

        // the public page: approved wording, coverage, the same progress, nothing personal
        Api.Response page = api().get("/api/v1/public/campaigns/" + code, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("typeLabel").asString()).isEqualTo("以购代捐");
        assertThat(page.json().path("villages").get(0).path("id").asLong()).isEqualTo(s.villageId());
        assertThat(page.json().path("products")).hasSize(2);
        assertThat(page.json().path("progress").path("totals")).isEqualTo(totals);
        assertThat(page.body()).doesNotContain("13912345678").doesNotContain("张三").doesNotContain("userId")
                .doesNotContain(String.valueOf(first.userId()) + ",");
        assertThat(api().get("/api/v1/public/campaigns/NO-SUCH-" + TestData.next(), null).code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(paid).isPositive();
    }

    @Test
    void aPurchaseCampaignIsNeverCalledADonationAndOnlyItsOrganiserManagesIt() {
        String code = "LIVE-" + TestData.next();
        Map<String, Object> body = campaign(code, "VILLAGE_LIVE", List.of(s.villageId()), List.of());
        Api.Response created = api().post("/api/v1/agency/campaigns", s.staff().token(), body);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), body).code()).isEqualTo("CAMPAIGN_CODE_TAKEN");

        for (String wording : List.of("爱心捐赠，助力乡村", "每一笔都是捐款", "A donation to the village", "善款直达农户")) {
            Map<String, Object> bad = campaign("W-" + TestData.next(), "CONSUMPTION_ASSISTANCE", List.of(), List.of());
            bad.put("approvedWording", wording);
            assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), bad).code()).as(wording).isEqualTo("DONATION_WORDING");
        }
        Map<String, Object> badName = campaign("W-" + TestData.next(), "CONSUMPTION_ASSISTANCE", List.of(), List.of());
        badName.put("name", "春节捐助活动");
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), badName).code()).isEqualTo("DONATION_WORDING");
        Map<String, Object> fine = campaign("W-" + TestData.next(), "CONSUMPTION_ASSISTANCE", List.of(), List.of());
        fine.put("name", "以购代捐 春节年货节");
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), fine).status()).isEqualTo(201);

        Map<String, Object> badCode = campaign("含中文", "SALES_FAIR", List.of(), List.of());
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), badCode).code()).isEqualTo("VALIDATION_FAILED");
        Map<String, Object> badType = campaign("T-" + TestData.next(), "DONATION", List.of(), List.of());
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), badType).status()).isEqualTo(400);
        Map<String, Object> backwards = campaign("P-" + TestData.next(), "SALES_FAIR", List.of(), List.of());
        backwards.put("endsAt", Instant.now().minus(30, ChronoUnit.DAYS).toString());
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), backwards).code()).isEqualTo("PERIOD_INVALID");
        Map<String, Object> noVillage = campaign("V-" + TestData.next(), "LOCAL_DRIVE", List.of(999_999_999L), List.of());
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), noVillage).code()).isEqualTo("VILLAGE_NOT_FOUND");
        Map<String, Object> zeroTarget = campaign("Z-" + TestData.next(), "LOCAL_DRIVE", List.of(), List.of());
        zeroTarget.put("targetGmvFen", 0);
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), zeroTarget).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().post("/api/v1/agency/campaigns", data.admin().token(),
                campaign("A-" + TestData.next(), "LOCAL_DRIVE", List.of(), List.of())).code()).isEqualTo("ORGANISER_REQUIRED");
        Map<String, Object> byAdmin = campaign("A-" + TestData.next(), "SALES_FAIR", List.of(), List.of());
        byAdmin.put("organiserAgencyId", s.agencyId());
        assertThat(api().post("/api/v1/agency/campaigns", data.admin().token(), byAdmin).status()).isEqualTo(201);

        OrderTestData.Shop stranger = shop.shop();
        assertThat(api().get("/api/v1/agency/campaigns/" + id, stranger.staff().token()).code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        assertThat(api().get("/api/v1/agency/campaigns/" + id + "/progress", stranger.staff().token()).code())
                .isEqualTo("CAMPAIGN_NOT_FOUND");
        Map<String, Object> foreign = campaign("F-" + TestData.next(), "SALES_FAIR", List.of(), List.of());
        foreign.put("organiserAgencyId", s.agencyId());
        assertThat(api().post("/api/v1/agency/campaigns", stranger.staff().token(), foreign).code()).isEqualTo("AGENCY_NOT_FOUND");
        assertThat(api().post("/api/v1/agency/campaigns", data.citizen().token(), body).status()).isEqualTo(403);

        Map<String, Object> change = campaign(code, "VILLAGE_LIVE", List.of(), List.of());
        change.put("name", "村村播 家家富 秋收季");
        Api.Response updated = api().put("/api/v1/agency/campaigns/" + id, s.staff().token(), change);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("villageIds")).isEmpty();
        assertThat(updated.json().path("name").asString()).isEqualTo("村村播 家家富 秋收季");
        Map<String, Object> otherCode = campaign("X-" + TestData.next(), "VILLAGE_LIVE", List.of(), List.of());
        assertThat(api().put("/api/v1/agency/campaigns/" + id, s.staff().token(), otherCode).code()).isEqualTo("CODE_IMMUTABLE");
        assertThat(api().get("/api/v1/agency/campaigns", s.staff().token()).json().path("total").asLong()).isEqualTo(3);

        assertThat(api().delete("/api/v1/agency/campaigns/" + id, s.staff().token()).json().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(api().get("/api/v1/public/campaigns/" + code, null).status()).isEqualTo(404);
    }

    private Map<String, Object> campaign(String code, String type, List<Long> villages, List<Long> products) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("type", type);
        body.put("name", "助农活动 " + code);
        body.put("startsAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        body.put("endsAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        body.put("approvedWording", "买一份山货，助一户农家增收。");
        body.put("villageIds", villages);
        body.put("productIds", products);
        return body;
    }

    private long order(TestData.Login buyer, String code, Map<Long, Integer> items) {
        Map<String, Object> body = OrderClient.body(items.entrySet().stream()
                .map(e -> Map.<String, Object>of("skuId", e.getKey(), "quantity", e.getValue())).toList(), "44");
        body.put("attribution", Map.of("campaignCode", code));
        Api.Response placed = new OrderClient(port).placeOrder(buyer.token(), OrderClient.newKey(), body);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().path("id").asLong();
    }

    private long pay(TestData.Login buyer, long orderId) {
        assertThat(api().post("/api/v1/orders/" + orderId + "/payments/alipay", buyer.token(), Map.of("channel", "QR")).status())
                .isEqualTo(200);
        TestAlipay.get().simulator().pay(shop.orderNo(orderId));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(shop.orderStatus(orderId)));
        return orderId;
    }
}
