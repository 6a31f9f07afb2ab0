package cn.zhunong.mall.order.refund;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.mall.order.OrderCompletionJob;
import cn.zhunong.mall.payment.AlipayGateway;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Refunds per line: the buyer applies, the agency reviews, Alipay pays back exactly once. */
class RefundApiTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> PHOTOS = List.of("https://img.example.cn/broken-egg.jpg");

    @Autowired
    OrderTestData shop;

    @Autowired
    RefundRetryJob retryJob;

    @Autowired
    OrderCompletionJob completionJob;

    @Autowired
    AlipayGateway gateway;

    @Autowired
    JdbcTemplate jdbc;

    private final AlipaySimulator alipay = TestAlipay.get().simulator();
    private Shop s;
    private TestData.Login buyer;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        s = shop.shop();
        buyer = data.citizen();
    }

    @Test
    void anApprovedRefundIsPaidBackAndTheOrderClosesWhenEveryLineCameBack() {
        long template = shop.template(s.agencyId(), "FLAT", 600, 0, 0, null, null);
        long a = shop.sku(shop.product(s, "香菇", false, template), 2000, 10);
        long b = shop.sku(shop.product(s, "木耳", false, template), 1500, 10);
        JsonNode order = paidOrder(List.of(Map.of("skuId", a, "quantity", 2), Map.of("skuId", b, "quantity", 1)));
        long id = order.path("id").asLong();
        assertThat(order.path("totalFen").asLong()).isEqualTo(4000 + 1500 + 600);

        Api.Response first = apply(id, lineId(order, a), "NO_REASON", List.of());
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(first.json().path("amountFen").asLong()).isEqualTo(4000);
        long firstId = first.json().path("id").asLong();

        // another agency's staff cannot see or decide it; the buyer cannot approve their own refund
        Shop other = shop.shop();
        assertThat(api().post("/api/v1/agency/refunds/" + firstId + "/approve", other.staff().token(), "").code())
                .isEqualTo("REFUND_NOT_FOUND");
        assertThat(api().get("/api/v1/agency/refunds/" + firstId, other.staff().token()).code()).isEqualTo("REFUND_NOT_FOUND");
        assertThat(api().post("/api/v1/agency/refunds/" + firstId + "/approve", buyer.token(), "").status()).isEqualTo(403);

        Api.Response approved = api().post("/api/v1/agency/refunds/" + firstId + "/approve", s.staff().token(), "");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(api().post("/api/v1/agency/refunds/" + firstId + "/approve", s.staff().token(), "").code())
                .isEqualTo("REFUND_STATE_CONFLICT");
        String orderNo = shop.orderNo(id);
        assertThat(alipay.trade(orderNo).orElseThrow().refundedFen()).isEqualTo(4000);

        // the last line of an order that never shipped takes the shipping fee with it
        Api.Response second = apply(id, lineId(order, b), "NO_REASON", List.of());
        assertThat(second.json().path("amountFen").asLong()).isEqualTo(1500 + 600);
        api().post("/api/v1/agency/refunds/" + second.json().path("id").asLong() + "/approve", s.staff().token(), "");

        JsonNode after = api().get("/api/v1/orders/" + id, buyer.token()).json();
        assertThat(after.path("refundedFen").asLong()).isEqualTo(after.path("paidFen").asLong()).isEqualTo(6100);
        assertThat(after.path("status").asString()).isEqualTo("CLOSED");
        assertThat(after.path("closeReason").asString()).isEqualTo("REFUNDED");
        assertThat(after.path("lines")).allSatisfy(l -> assertThat(l.path("refundStatus").asString()).isEqualTo("REFUNDED"));
        assertThat(alipay.trade(orderNo).orElseThrow().refundedFen()).isEqualTo(6100);
        assertThat(shop.events("REFUND_SUCCEEDED", firstId)).isEqualTo(1);
        assertThat(api().get("/api/v1/orders/" + id + "/refunds", buyer.token()).json()).hasSize(2);
        assertThat(api().get("/api/v1/orders/" + id + "/refunds", data.citizen().token()).code()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void oneLineHasOneOpenRefundAtATime() {
        long sku = shop.simpleSku(s, 3000, 10);
        JsonNode order = paidOrder(List.of(Map.of("skuId", sku, "quantity", 1)));
        long id = order.path("id").asLong();
        long line = lineId(order, sku);

        List<Api.Response> responses = Parallel.run(Collections.nCopies(6, () -> apply(id, line, "NO_REASON", List.of())));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("REFUND_IN_PROGRESS"));
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM refund WHERE order_id = ?", Long.class, id))
                .isLessThanOrEqualTo(order.path("totalFen").asLong());
        assertThat(apply(id, 999_999_999L, "NO_REASON", List.of()).code()).isEqualTo("ORDER_LINE_NOT_FOUND");
    }

    @Test
    void perishableGoodsOnlyQualityClaimsWithPhotosWithin48HoursOfReceipt() {
        long sku = shop.sku(shop.product(s, "土鸡蛋 30 枚", true, null), 4500, 20);
        JsonNode order = paidOrder(List.of(Map.of("skuId", sku, "quantity", 1)));
        long id = order.path("id").asLong();
        long line = lineId(order, sku);
        assertThat(api().post("/api/v1/agency/orders/" + id + "/ship", s.staff().token(),
                Map.of("carrier", "顺丰", "trackingNo", "SF1234567890")).json().path("status").asString()).isEqualTo("SHIPPED");
        assertThat(apply(id, line, "NO_REASON", List.of()).code()).isEqualTo("PERISHABLE_NO_REASON_REFUND");
        assertThat(api().post("/api/v1/orders/" + id + "/confirm-receipt", buyer.token(), "").json().path("status").asString())
                .isEqualTo("RECEIVED");
        assertThat(api().post("/api/v1/orders/" + id + "/confirm-receipt", buyer.token(), "").code())
                .isEqualTo("ORDER_STATE_CONFLICT");

        assertThat(apply(id, line, "QUALITY", List.of()).code()).isEqualTo("PHOTOS_REQUIRED");
        assertThat(apply(id, line, "QUALITY", List.of("javascript:alert(1)")).code()).isEqualTo("VALIDATION_FAILED");
        Api.Response claim = apply(id, line, "QUALITY", PHOTOS);
        assertThat(claim.status()).isEqualTo(201);
        assertThat(claim.json().path("photos").get(0).asString()).isEqualTo(PHOTOS.get(0));
        Api.Response rejected = api().post("/api/v1/agency/refunds/" + claim.json().path("id").asLong() + "/reject",
                s.staff().token(), Map.of("reason", "照片显示包装完好"));
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");

        // once rejected the buyer may claim again, but not after 48 hours
        jdbc.update("UPDATE orders SET received_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(Duration.ofHours(49))), id);
        assertThat(apply(id, line, "QUALITY", PHOTOS).code()).isEqualTo("REFUND_WINDOW_CLOSED");
        jdbc.update("UPDATE orders SET received_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(Duration.ofHours(47))), id);
        Api.Response again = apply(id, line, "QUALITY", PHOTOS);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("outRequestNo").asString()).isNotEqualTo(claim.json().path("outRequestNo").asString());
    }

    @Test
    void aRefundWhoseOutcomeWasUnknownIsRetriedWithTheSameNumberAndPaidOnce() {
        long sku = shop.simpleSku(s, 2500, 10);
        JsonNode order = paidOrder(List.of(Map.of("skuId", sku, "quantity", 2)));
        long id = order.path("id").asLong();
        long refundId = apply(id, lineId(order, sku), "NO_REASON", List.of()).json().path("id").asLong();
        // approved, the call went out and Alipay refunded, but the answer never came back (timeout)
        jdbc.update("UPDATE refund SET status = 'PROCESSING', next_attempt_at = ?, last_error = 'IO: Read timed out', "
                + "attempts = 1 WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)), refundId);
        String outRequestNo = jdbc.queryForObject("SELECT out_request_no FROM refund WHERE id = ?", String.class, refundId);
        String orderNo = shop.orderNo(id);
        assertThat(gateway.refund(orderNo, outRequestNo, 5000, "七天无理由").kind())
                .isEqualTo(AlipayGateway.RefundOutcome.Kind.SUCCEEDED);

        retryJob.runOnce();

        assertThat(jdbc.queryForObject("SELECT status FROM refund WHERE id = ?", String.class, refundId)).isEqualTo("SUCCEEDED");
        assertThat(alipay.trade(orderNo).orElseThrow().refundedFen()).isEqualTo(5000);
        assertThat(jdbc.queryForObject("SELECT refunded_fen FROM orders WHERE id = ?", Long.class, id)).isEqualTo(5000);
        retryJob.runOnce();
        assertThat(shop.events("REFUND_SUCCEEDED", refundId)).isEqualTo(1);
    }

    @Test
    void aReceivedOrderCompletesAfterTheAfterSaleWindow() {
        long sku = shop.simpleSku(s, 2500, 10);
        long id = paidOrder(List.of(Map.of("skuId", sku, "quantity", 1))).path("id").asLong();
        api().post("/api/v1/agency/orders/" + id + "/ship", s.staff().token(), Map.of("carrier", "邮政", "trackingNo", "EMS-99887766"));
        api().post("/api/v1/orders/" + id + "/confirm-receipt", buyer.token(), "");
        jdbc.update("UPDATE orders SET received_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(Duration.ofDays(8))), id);

        completionJob.runOnce();

        assertThat(shop.orderStatus(id)).isEqualTo("COMPLETED");
        assertThat(shop.events("ORDER_COMPLETED", id)).isEqualTo(1);
        assertThat(apply(id, lineId(api().get("/api/v1/orders/" + id, buyer.token()).json(), sku), "NO_REASON", List.of()).code())
                .isEqualTo("REFUND_WINDOW_CLOSED");
    }

    private JsonNode paidOrder(List<Map<String, Object>> items) {
        Api.Response placed = new OrderClient(port).placeOrder(buyer.token(), OrderClient.newKey(), body(items, "44"));
        assertThat(placed.status()).isEqualTo(201);
        long id = placed.json().path("id").asLong();
        assertThat(api().post("/api/v1/orders/" + id + "/payments/alipay", buyer.token(), Map.of("channel", "QR")).status())
                .isEqualTo(200);
        alipay.pay(shop.orderNo(id));
        await().atMost(WAIT).until(() -> "PAID".equals(shop.orderStatus(id)));
        return api().get("/api/v1/orders/" + id, buyer.token()).json();
    }

    private Api.Response apply(long orderId, long lineId, String claimType, List<String> photos) {
        return api().post("/api/v1/orders/" + orderId + "/refunds", buyer.token(),
                Map.of("lineId", lineId, "claimType", claimType, "reason", "不想要了", "photos", photos));
    }

    private static long lineId(JsonNode order, long skuId) {
        for (JsonNode line : order.path("lines")) {
            if (line.path("skuId").asLong() == skuId) {
                return line.path("id").asLong();
            }
        }
        throw new AssertionError("no line for SKU " + skuId);
    }
}
