package cn.zhunong.mall.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Attribution by code, product tag and live session (each order once), progress with the ledger's
 * household income, and the public 村村播 家家富 view.
 */
class CampaignAttributionApiTest extends ApiTest {

    @Autowired
    OrderTestData shop;

    @Autowired
    JdbcTemplate jdbc;

    private CampaignFixtures fx;
    private OrderTestData.Shop s;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        fx = new CampaignFixtures(jdbc, data, shop, port);
        s = shop.shop();
    }

    @Test
    void campaignProgressEqualsTheSumOfItsAttributedOrdersAndOfTheLedgersCredits() {
        // products: A credits its own household; B (tagged) and C credit source-lot households FIFO
        long ownA = shop.household(s.villageId());
        long productA = shop.product(s, "土蜂蜜", false, null);
        long a = shop.sku(productA, 1_000, 100, 99, 500, ownA);
        long productB = shop.product(s, "高山大米", false, null);
        long b = shop.sku(productB, 2_000, 100);
        long lotB1 = shop.household(s.villageId());
        long lotB2 = shop.household(s.villageId());
        shop.lot(b, lotB1, 2, 800L, null, LocalDate.now().minusDays(3));
        shop.lot(b, lotB2, 10, 800L, null, LocalDate.now().minusDays(1));
        long productC = shop.product(s, "红薯干", false, null);
        long c = shop.sku(productC, 500, 100);
        long lotC = shop.household(s.villageId());
        shop.lot(c, lotC, 10, 300L, null, LocalDate.now().minusDays(2));
        String tag = fx.tag(productB);

        // pilot villages: the listed one, and another village of the organiser with the pilot flag
        long listed = s.villageId();
        long flagged = data.village(s.agencyId(), "试点村" + TestData.next());
        fx.pilotFlag(flagged, LocalDate.now().minusMonths(2), null);
        long notPilot = data.village(s.agencyId(), "普通村" + TestData.next());
        long expiredFlag = data.village(s.agencyId(), "往期试点村" + TestData.next());
        fx.pilotFlag(expiredFlag, LocalDate.now().minusYears(2), LocalDate.now().minusYears(1));
        long otherAgency = data.agency("他机构" + TestData.next());
        long foreignPilot = data.village(otherAgency, "他机构试点村" + TestData.next());
        fx.pilotFlag(foreignPilot, LocalDate.now().minusMonths(2), null);
        long sessionListed = session(listed, "ENDED");
        long sessionFlagged = session(flagged, "LIVE");
        long sessionNotPilot = session(notPilot, "ENDED");
        long sessionForeign = session(foreignPilot, "ENDED");

        String code = "CCB-" + TestData.next();
        Map<String, Object> body = fx.campaign(code, "VILLAGE_LIVE", List.of(listed), List.of());
        body.put("productTagCode", tag);
        body.put("targetHouseholds", 8);
        Api.Response created = api().post("/api/v1/agency/campaigns", s.staff().token(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("productTagCode").asString()).isEqualTo(tag);
        long id = created.json().path("id").asLong();

        List<Long> whole = new ArrayList<>();
        TestData.Login byCode = data.citizen();
        whole.add(fx.paid(api(), byCode, code, null, Map.of(a, 2)));                          // code: counts
        TestData.Login byTag = data.citizen();
        long tagOnly = fx.paid(api(), byTag, null, null, Map.of(a, 1, b, 1));                 // tag: only the B line
        TestData.Login inListed = data.citizen();
        whole.add(fx.paid(api(), inListed, null, sessionListed, Map.of(c, 1)));               // listed village's session
        TestData.Login inFlagged = data.citizen();
        whole.add(fx.paid(api(), inFlagged, null, sessionFlagged, Map.of(a, 1)));             // flagged village's session
        TestData.Login everything = data.citizen();
        long allRules = fx.paid(api(), everything, code, sessionListed, Map.of(a, 1, b, 2));  // all three rules: once
        whole.add(allRules);
        fx.paid(api(), data.citizen(), null, sessionNotPilot, Map.of(a, 1));                  // not a pilot village
        fx.paid(api(), data.citizen(), null, sessionForeign, Map.of(a, 1));                   // another agency's pilot
        fx.paid(api(), data.citizen(), "OTHER-" + TestData.next(), null, Map.of(a, 1));       // another campaign
        fx.order(data.citizen(), code, null, Map.of(a, 4));                                   // never paid
        fx.refundLine(api(), everything, s.staff(), allRules, a);                            // partial refund of an order

        JsonNode progress = api().get("/api/v1/agency/campaigns/" + id + "/progress", s.staff().token()).json();
        JsonNode totals = progress.path("totals");

        // independently: the counted lines are every line of `whole` and the B line of `tagOnly`
        String lines = "(o.id IN (" + join(whole) + ") OR (o.id = " + tagOnly + " AND l.product_id = " + productB + "))";
        Map<String, Object> orders = jdbc.queryForMap("SELECT SUM(l.line_fen - l.refunded_fen) AS gmv, "
                + "SUM(CASE WHEN l.refund_status = 'REFUNDED' THEN 0 ELSE l.quantity END) AS units, "
                + "COUNT(DISTINCT CASE WHEN l.refund_status <> 'REFUNDED' THEN o.user_id END) AS buyers, "
                + "COUNT(DISTINCT CASE WHEN l.refund_status <> 'REFUNDED' THEN o.id END) AS orders "
                + "FROM orders o JOIN order_line l ON l.order_id = o.id WHERE " + lines);
        Map<String, Object> ledger = jdbc.queryForMap("SELECT SUM(a.income_fen - a.reversed_fen) AS income "
                + "FROM ledger_allocation a JOIN order_line l ON l.id = a.order_line_id JOIN orders o ON o.id = l.order_id WHERE " + lines);
        long households = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT a.household_id FROM ledger_allocation a "
                + "JOIN order_line l ON l.id = a.order_line_id JOIN orders o ON o.id = l.order_id WHERE " + lines
                + " GROUP BY a.household_id HAVING SUM(a.income_fen - a.reversed_fen) > 0) h", Long.class);

        // A 2x10 + B 20 + C 5 + A 10 + (A 10 refunded, B 2x20)
        assertThat(totals.path("gmvFen").asLong()).isEqualTo(number(orders.get("gmv"))).isEqualTo(9_500);
        assertThat(totals.path("units").asLong()).isEqualTo(number(orders.get("units"))).isEqualTo(7);
        assertThat(totals.path("buyers").asLong()).isEqualTo(number(orders.get("buyers"))).isEqualTo(5);
        assertThat(totals.path("orders").asLong()).isEqualTo(number(orders.get("orders"))).isEqualTo(5);
        // A's own household 20 + 10 (+10 reversed), B lots 8 + 8 + 8, C lot 3
        assertThat(totals.path("householdIncomeFen").asLong()).isEqualTo(number(ledger.get("income"))).isEqualTo(5_700);
        assertThat(totals.path("households").asLong()).isEqualTo(households).isEqualTo(4);
        assertThat(totals.path("ledgerPendingOrders").asLong()).isZero();
        assertThat(progress.path("householdsBp").asLong()).isEqualTo(5_000);
        long dayIncome = 0;
        long dayGmv = 0;
        for (JsonNode day : progress.path("days")) {
            dayIncome += day.path("householdIncomeFen").asLong();
            dayGmv += day.path("gmvFen").asLong();
        }
        assertThat(dayIncome).isEqualTo(5_700);
        assertThat(dayGmv).isEqualTo(9_500);
        JsonNode lastDay = progress.path("days").get(progress.path("days").size() - 1);
        assertThat(lastDay.path("cumulativeHouseholdIncomeFen").asLong()).isEqualTo(5_700);

        // the public page shows the same aggregate progress
        assertThat(api().get("/api/v1/public/campaigns/" + code, null).json().path("progress").path("totals")).isEqualTo(totals);
        assertThat(lotB1 + lotB2 + lotC + ownA).isPositive();
    }

    @Test
    void theVillageLiveViewShowsPilotVillagesTheirActiveStreamersAndSessionsWithoutPersonalData() {
        long listed = s.villageId();
        long flagged = data.village(s.agencyId(), "试点村" + TestData.next());
        fx.pilotFlag(flagged, LocalDate.now().minusMonths(2), null);
        long notPilot = data.village(s.agencyId(), "普通村" + TestData.next());
        String activeName = "村播达人" + TestData.next();
        long active = fx.streamer(activeName);
        long activePairing = fx.pairing(listed, active, "ACTIVE");
        long former = fx.streamer("前主播" + TestData.next());
        long formerPairing = fx.pairing(listed, former, "ENDED");
        long flaggedStreamer = fx.streamer("试点主播" + TestData.next());
        long flaggedPairing = fx.pairing(flagged, flaggedStreamer, "ACTIVE");
        long other = fx.streamer("普通主播" + TestData.next());
        long otherPairing = fx.pairing(notPilot, other, "ACTIVE");
        long ended = fx.session(activePairing, listed, s.agencyId(), active, "ENDED");
        long scheduled = fx.session(activePairing, listed, s.agencyId(), active, "SCHEDULED");
        long history = fx.session(formerPairing, listed, s.agencyId(), former, "ENDED");
        long cancelled = fx.session(activePairing, listed, s.agencyId(), active, "CANCELLED");
        long live = fx.session(flaggedPairing, flagged, s.agencyId(), flaggedStreamer, "LIVE");
        fx.session(otherPairing, notPilot, s.agencyId(), other, "LIVE");

        String code = "CCB-" + TestData.next();
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(),
                fx.campaign(code, "VILLAGE_LIVE", List.of(listed), List.of())).status()).isEqualTo(201);

        Api.Response view = api().get("/api/v1/public/campaigns/" + code + "/village-live", null);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        JsonNode villages = view.json().path("villages");
        assertThat(villages).hasSize(2);
        JsonNode first = villages.get(0).path("id").asLong() == listed ? villages.get(0) : villages.get(1);
        JsonNode second = villages.get(0).path("id").asLong() == listed ? villages.get(1) : villages.get(0);
        assertThat(first.path("listed").asBoolean()).isTrue();
        assertThat(first.path("flagged").asBoolean()).isFalse();
        assertThat(first.path("streamers")).hasSize(1);
        assertThat(first.path("streamers").get(0).path("displayName").asString()).isEqualTo(activeName);
        assertThat(ids(first.path("sessions"))).containsExactlyInAnyOrder(ended, scheduled, history).doesNotContain(cancelled);
        assertThat(second.path("id").asLong()).isEqualTo(flagged);
        assertThat(second.path("flagged").asBoolean()).isTrue();
        assertThat(second.path("listed").asBoolean()).isFalse();
        assertThat(ids(second.path("sessions"))).containsExactly(live);
        assertThat(second.path("sessions").get(0).path("status").asString()).isEqualTo("LIVE");
        assertThat(view.body()).doesNotContain("实名王五").doesNotContain("4401").doesNotContain("XY-")
                .doesNotContain("stream_name").doesNotContain("streamName");

        String plain = "LOCAL-" + TestData.next();
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(),
                fx.campaign(plain, "LOCAL_DRIVE", List.of(listed), List.of())).status()).isEqualTo(201);
        Api.Response wrongType = api().get("/api/v1/public/campaigns/" + plain + "/village-live", null);
        assertThat(wrongType.status()).isEqualTo(404);
        assertThat(wrongType.code()).isEqualTo("NOT_A_VILLAGE_LIVE_CAMPAIGN");
        assertThat(api().get("/api/v1/public/campaigns/NONE-" + TestData.next() + "/village-live", null).code())
                .isEqualTo("CAMPAIGN_NOT_FOUND");
    }

    @Test
    void aCampaignNamingAnUnknownTagIsRefused() {
        Map<String, Object> body = fx.campaign("T-" + TestData.next(), "SALES_FAIR", List.of(), List.of());
        body.put("productTagCode", "NO-SUCH-" + TestData.next());
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), body).code()).isEqualTo("TAG_NOT_FOUND");
        body.put("productTagCode", "坏标签");
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), body).code()).isEqualTo("VALIDATION_FAILED");
    }

    private long session(long villageId, String status) {
        long streamer = fx.streamer("主播" + TestData.next());
        long pairing = fx.pairing(villageId, streamer, "ACTIVE");
        long agency = jdbc.queryForObject("SELECT agency_id FROM village WHERE id = ?", Long.class, villageId);
        return fx.session(pairing, villageId, agency, streamer, status);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
