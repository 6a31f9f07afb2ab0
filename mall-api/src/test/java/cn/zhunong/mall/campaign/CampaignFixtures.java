package cn.zhunong.mall.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Campaign-test fixtures: tags, pilot flags, streamers, sessions, and orders paid through the Alipay simulator. */
final class CampaignFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final TestData data;
    private final OrderTestData shop;
    private final int port;

    CampaignFixtures(JdbcTemplate jdbc, TestData data, OrderTestData shop, int port) {
        this.jdbc = jdbc;
        this.data = data;
        this.shop = shop;
        this.port = port;
    }

    /** A catalog campaign tag; returns its code. */
    String tag(long... productIds) {
        String code = "TAG-" + TestData.next();
        long tag = data.insert("INSERT INTO campaign_tag (code, name, sort_order, created_at) VALUES (?, ?, 0, ?)", code,
                "标签" + TestData.next(), now());
        for (long product : productIds) {
            jdbc.update("INSERT INTO product_campaign_tag (product_id, tag_id) VALUES (?, ?)", product, tag);
        }
        return code;
    }

    void pilotFlag(long villageId, LocalDate from, LocalDate to) {
        data.insert("INSERT INTO village_flag (village_id, flag, effective_from, effective_to, created_at) "
                + "VALUES (?, 'PILOT_CUNCUNBO', ?, ?, ?)", villageId, from, to, now());
    }

    long streamer(String displayName) {
        byte[] hash = new byte[32];
        new java.util.Random(TestData.next()).nextBytes(hash);
        return data.insert("INSERT INTO streamer (display_name, real_name, id_number_enc, id_number_hash, id_number_masked, birth_date, "
                + "real_name_verified, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                displayName, "实名王五", new byte[40], hash, "4401**********0000", LocalDate.of(1995, 1, 1), now(), now());
    }

    long pairing(long villageId, long streamerId, String status) {
        return data.insert("INSERT INTO village_streamer_pairing (village_id, streamer_id, agreement_no, signed_date, start_date, "
                + "end_date, public_welfare, commission_bp, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?)",
                villageId, streamerId, "XY-" + TestData.next(), LocalDate.now().minusMonths(1), LocalDate.now().minusMonths(1),
                LocalDate.now().plusYears(1), status, now(), now());
    }

    long session(long pairingId, long villageId, long agencyId, long streamerId, String status) {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        return data.insert("INSERT INTO live_session (pairing_id, village_id, agency_id, streamer_id, title, scheduled_start, "
                + "scheduled_end, status, stream_name, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                pairingId, villageId, agencyId, streamerId, "秋收直播" + TestData.next(), Timestamp.from(start),
                Timestamp.from(start.plus(3, ChronoUnit.HOURS)), status, "s" + TestData.next(), now(), now());
    }

    Map<String, Object> campaign(String code, String type, List<Long> villages, List<Long> products) {
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

    /** Places an order with the given attribution (campaign code, live session; either may be null). */
    long order(TestData.Login buyer, String code, Long liveSessionId, Map<Long, Integer> items) {
        Map<String, Object> body = OrderClient.body(items.entrySet().stream()
                .map(e -> Map.<String, Object>of("skuId", e.getKey(), "quantity", e.getValue())).toList(), "44");
        Map<String, Object> attribution = new LinkedHashMap<>();
        if (code != null) {
            attribution.put("campaignCode", code);
        }
        if (liveSessionId != null) {
            attribution.put("liveSessionId", liveSessionId);
        }
        body.put("attribution", attribution);
        Api.Response placed = new OrderClient(port).placeOrder(buyer.token(), OrderClient.newKey(), body);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().path("id").asLong();
    }

    /** Pays through the Alipay simulator and waits until the ledger has posted the payment. */
    long pay(Api api, TestData.Login buyer, long orderId) {
        assertThat(api.post("/api/v1/orders/" + orderId + "/payments/alipay", buyer.token(), Map.of("channel", "QR")).status())
                .isEqualTo(200);
        TestAlipay.get().simulator().pay(shop.orderNo(orderId));
        await().atMost(WAIT).until(() -> "PAID".equals(shop.orderStatus(orderId)));
        awaitEntry("order-paid:" + orderId);
        return orderId;
    }

    long paid(Api api, TestData.Login buyer, String code, Long liveSessionId, Map<Long, Integer> items) {
        return pay(api, buyer, order(buyer, code, liveSessionId, items));
    }

    /** Refunds one line (applied by the buyer, approved by staff) and waits for the ledger's reversal. */
    void refundLine(Api api, TestData.Login buyer, TestData.Login staff, long orderId, long skuId) {
        long line = jdbc.queryForObject("SELECT id FROM order_line WHERE order_id = ? AND sku_id = ?", Long.class, orderId, skuId);
        Api.Response applied = api.post("/api/v1/orders/" + orderId + "/refunds", buyer.token(),
                Map.of("lineId", line, "claimType", "NO_REASON", "reason", "买多了"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long refundId = applied.json().path("id").asLong();
        assertThat(api.post("/api/v1/agency/refunds/" + refundId + "/approve", staff.token(), "").json().path("status").asString())
                .isEqualTo("SUCCEEDED");
        awaitEntry("refund:" + refundId);
    }

    void awaitEntry(String key) {
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE idempotency_key = ?",
                Long.class, key) == 1);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
