package cn.zhunong.mall.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.OrderTestData.Shop;
import cn.zhunong.mall.support.Parallel;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** 企业团购 end to end: tiers, quotes, recipients, split orders, bank transfer and the ledger. */
class EnterprisePurchaseApiTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CSV_HEADER = "收货人,手机号,省份代码,详细地址\n";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    @Autowired
    OrderTestData shop;
    @Autowired
    JdbcTemplate jdbc;

    private final AlipaySimulator alipay = TestAlipay.get().simulator();
    private TestData.Login admin;
    private TestData.Login purchaser;
    private long orgId;
    private Shop a;
    private Shop b;
    private long householdA;
    private long skuA;
    private long skuB;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        admin = data.admin();
        purchaser = data.citizen();
        orgId = org(purchaser);
        a = shop.shop();
        b = shop.shop();
        householdA = shop.household(a.villageId());
        skuA = shop.sku(shop.product(a, "苹果" + TestData.next(), false, null), 1_000, 10_000, 999, 500, householdA);
        skuB = shop.sku(shop.product(b, "小米" + TestData.next(), false, null), 2_000, 10_000, 999, 500, null);
        Api.Response tiers = api().put("/api/v1/agency/skus/" + skuA + "/price-tiers", a.staff().token(),
                Map.of("tiers", List.of(tier(200, 800), tier(100, 900))));
        assertThat(tiers.status()).as(tiers.body()).isEqualTo(200);
    }

    @Test
    void tiersAreSetByTheSkusAgencyOnlyAndQuotesApplyThemAtTheBoundaries() {
        String path = "/api/v1/agency/skus/" + skuA + "/price-tiers";
        assertThat(api().put(path, a.staff().token(), Map.of("tiers", List.of(tier(10, 1_001)))).code())
                .isEqualTo("TIER_PRICE_ABOVE_SKU_PRICE");
        assertThat(api().put(path, a.staff().token(), Map.of("tiers", List.of(tier(10, 700), tier(20, 900)))).code())
                .isEqualTo("TIER_PRICES_NOT_DESCENDING");
        assertThat(api().put(path, a.staff().token(), Map.of("tiers", List.of(tier(10, 700), tier(10, 600)))).code())
                .isEqualTo("TIER_QUANTITY_DUPLICATE");
        assertThat(api().put(path, a.staff().token(), Map.of("tiers", List.of(tier(1, 700)))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api().put(path, b.staff().token(), Map.of("tiers", List.of())).code()).isEqualTo("SKU_NOT_FOUND");
        assertThat(api().put(path, purchaser.token(), Map.of("tiers", List.of())).status()).isEqualTo(403);
        assertThat(api().get(path, a.staff().token()).json().path("tiers").size()).isEqualTo(2);

        // below the first tier, at it, just below the second, at it
        assertThat(quote(purchaser, skuA, 99).path("items").get(0).path("unitPriceFen").asLong()).isEqualTo(1_000);
        assertThat(quote(purchaser, skuA, 100).path("items").get(0).path("unitPriceFen").asLong()).isEqualTo(900);
        assertThat(quote(purchaser, skuA, 199).path("items").get(0).path("unitPriceFen").asLong()).isEqualTo(900);
        JsonNode q = quote(purchaser, skuA, 200);
        assertThat(q.path("items").get(0).path("unitPriceFen").asLong()).isEqualTo(800);
        assertThat(q.path("goodsFen").asLong()).isEqualTo(160_000);
        assertThat(q.path("listFen").asLong()).isEqualTo(200_000);
        assertThat(q.path("status").asString()).isEqualTo("QUOTED");

        // two SKUs of two agencies in one quote; a SKU without tiers sells at its price
        JsonNode two = quoteOf(purchaser, List.of(item(skuA, 100), item(skuB, 3)));
        assertThat(two.path("goodsFen").asLong()).isEqualTo(100 * 900 + 3 * 2_000);

        // bad input, and callers who are no purchaser
        assertThat(api().post("/api/v1/enterprise/purchases", purchaser.token(),
                Map.of("items", List.of(item(skuA, 1), item(skuA, 2)))).code()).isEqualTo("DUPLICATE_SKU");
        assertThat(api().post("/api/v1/enterprise/purchases", purchaser.token(),
                Map.of("items", List.of(item(skuA, 0)))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().post("/api/v1/enterprise/purchases", purchaser.token(),
                Map.of("items", List.of(item(TestData.next(), 1)))).code()).isEqualTo("SKU_UNAVAILABLE");
        assertThat(api().post("/api/v1/enterprise/purchases", data.citizen().token(),
                Map.of("items", List.of(item(skuA, 1)))).code()).isEqualTo("NOT_ENTERPRISE_PURCHASER");
        assertThat(api().post("/api/v1/enterprise/purchases", a.staff().token(),
                Map.of("items", List.of(item(skuA, 1)))).status()).isEqualTo(403);
    }

    @Test
    void anotherOrganisationsPurchaseIsNotFound() {
        long id = quote(purchaser, skuA, 10).path("id").asLong();
        TestData.Login other = data.citizen();
        org(other);
        String path = "/api/v1/enterprise/purchases/" + id;
        assertThat(api().get(path, other.token()).code()).isEqualTo("ENTERPRISE_PURCHASE_NOT_FOUND");
        assertThat(api().post(path + "/accept", other.token(), "").status()).isEqualTo(404);
        assertThat(api().upload(path + "/recipients", other.token(), "r.csv", csv(2)).status()).isEqualTo(404);
        assertThat(api().get(path, purchaser.token()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/enterprise/purchases", purchaser.token()).json().path("items").toString())
                .contains("\"id\":" + id + ",");
        assertThat(api().get("/api/v1/enterprise/purchases", other.token()).json().path("total").asLong()).isZero();
        assertThat(api().get("/api/v1/admin/enterprise/purchases?status=QUOTED&size=100", admin.token()).json().path("items")
                .toString()).contains("\"id\":" + id + ",");
        assertThat(api().get("/api/v1/admin/enterprise/purchases?status=NOPE", admin.token()).status()).isEqualTo(400);
        // a purchaser belongs to one organisation only
        assertThat(api().put("/api/v1/admin/enterprise/orgs/" + orgId + "/purchasers/" + other.userId(), admin.token(), "")
                .code()).isEqualTo("PURCHASER_OF_OTHER_ORG");
        assertThat(api().put("/api/v1/admin/enterprise/orgs/" + orgId + "/purchasers/" + a.staff().userId(), admin.token(), "")
                .code()).isEqualTo("PURCHASER_NOT_CITIZEN");
    }

    @Test
    void aRecipientFileWithBadRowsIsRejectedWholeWithEveryBadLine() {
        long id = accepted(List.of(item(skuA, 4)));
        String path = "/api/v1/enterprise/purchases/" + id + "/recipients";
        String bad = CSV_HEADER
                + "张三,13800138000,44,广州市天河区一号\n"
                + "李四,12345,44,广州市天河区二号\n"
                + "王五,13900139000,11,北京市朝阳区三号\n"
                + "赵六,13700137000,99,\n";
        Api.Response rejected = api().upload(path, purchaser.token(), "r.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.code()).isEqualTo("RECIPIENTS_INVALID");
        JsonNode errors = rejected.json().path("rowErrors");
        assertThat(errors).extracting(e -> e.path("line").asLong()).containsExactly(3L, 5L, 5L);
        assertThat(errors).extracting(e -> e.path("field").asString()).containsExactly("phone", "provinceCode", "address");
        assertThat(rejected.body()).doesNotContain("12345");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enterprise_recipient WHERE purchase_id = ?", Integer.class, id))
                .isZero();
        assertThat(api().get("/api/v1/enterprise/purchases/" + id, purchaser.token()).json().path("recipientCount").asInt())
                .isZero();

        // file-level problems
        assertThat(api().upload(path, purchaser.token(), "r.csv", "姓名,电话\n张三,1\n".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo("CSV_HEADER_INVALID");
        assertThat(api().upload(path, purchaser.token(), "r.csv", CSV_HEADER.getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo("CSV_EMPTY");
        // 3 recipients cannot share 4 units evenly
        assertThat(api().upload(path, purchaser.token(), "r.csv", csv(3)).code()).isEqualTo("QUANTITY_NOT_DIVISIBLE");

        // a good GBK file (as Excel saves it) is taken whole
        byte[] gbk = (CSV_HEADER + "张三,13800138000,44,广州市天河区一号\n李四,13800138001,11,北京市朝阳区二号\n")
                .getBytes(Charset.forName("GB18030"));
        Api.Response ok = api().upload(path, purchaser.token(), "r.csv", gbk);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("recipientCount").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT name FROM enterprise_recipient WHERE purchase_id = ? ORDER BY id", String.class, id))
                .containsExactly("张三", "李四");
    }

    @Test
    void aBankTransferPurchaseIsPlacedAsSplitOrdersAndConfirmedOnceEvenConcurrently() {
        long id = accepted(List.of(item(skuA, 200), item(skuB, 2)));
        String path = "/api/v1/enterprise/purchases/" + id;
        assertThat(api().upload(path + "/recipients", purchaser.token(), "r.csv", csv(2)).status()).isEqualTo(200);
        String taxId = TestData.creditCode();
        assertThat(api().put(path + "/invoice", purchaser.token(), Map.of("title", "某某单位", "taxId", "123")).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api().put(path + "/invoice", purchaser.token(), Map.of("title", "某某单位", "taxId", taxId)).json()
                .path("invoice").path("taxId").asString()).isEqualTo(taxId);
        assertThat(api().post(path + "/place", purchaser.token(), Map.of("paymentMethod", "CASH")).code())
                .isEqualTo("VALIDATION_FAILED");

        Api.Response placedResponse = api().post(path + "/place", purchaser.token(), Map.of("paymentMethod", "BANK_TRANSFER"));
        assertThat(placedResponse.status()).as(placedResponse.body()).isEqualTo(200);
        JsonNode placed = placedResponse.json();
        assertThat(placed.path("status").asString()).isEqualTo("PLACED");
        // 2 recipients x 2 agencies; each recipient gets 100 apples at the 200-unit tier price and 1 bag of millet
        JsonNode orders = placed.path("orders");
        assertThat(orders.size()).isEqualTo(4);
        List<Long> orderIds = new ArrayList<>();
        orders.forEach(o -> orderIds.add(o.path("id").asLong()));
        assertThat(jdbc.queryForList("SELECT l.unit_price_fen FROM order_line l JOIN orders o ON o.id = l.order_id "
                + "WHERE o.enterprise_purchase_id = ? AND l.sku_id = ? AND l.quantity = 100", Long.class, id, skuA))
                .containsExactly(800L, 800L);
        assertThat(jdbc.queryForList("SELECT l.unit_price_fen FROM order_line l JOIN orders o ON o.id = l.order_id "
                + "WHERE o.enterprise_purchase_id = ? AND l.sku_id = ? AND l.quantity = 1", Long.class, id, skuB))
                .containsExactly(2_000L, 2_000L);
        assertThat(jdbc.queryForList("SELECT DISTINCT agency_id FROM orders WHERE enterprise_purchase_id = ?", Long.class, id))
                .containsExactlyInAnyOrder(a.agencyId(), b.agencyId());
        assertThat(jdbc.queryForList("SELECT DISTINCT payment_method FROM orders WHERE enterprise_purchase_id = ?",
                String.class, id)).containsExactly("BANK_TRANSFER");
        assertThat(placed.toString()).doesNotContain("13800138000");
        long total = placed.path("ordersTotalFen").asLong();
        assertThat(total).isGreaterThanOrEqualTo(2 * (80_000 + 2_000));

        // placing again answers the same orders; Alipay is refused for these orders
        assertThat(api().post(path + "/place", purchaser.token(), Map.of("paymentMethod", "BANK_TRANSFER")).json()
                .path("orders").size()).isEqualTo(4);
        assertThat(api().post("/api/v1/orders/" + orderIds.get(0) + "/payments/alipay", purchaser.token(),
                Map.of("channel", "QR")).code()).isEqualTo("PAYMENT_METHOD_NOT_ALIPAY");

        // the admin needs the purchaser's reference, a real proof and the right amount
        String confirm = "/api/v1/admin/enterprise/purchases/" + id + "/transfer-confirmation?amountFen=";
        assertThat(api().upload(confirm + total, admin.token(), "proof.png", PNG).code()).isEqualTo("TRANSFER_NOT_RECORDED");
        assertThat(api().post(path + "/bank-transfer", purchaser.token(), Map.of("reference", "x")).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api().post(path + "/bank-transfer", purchaser.token(), Map.of("reference", "BOC20261123001")).json()
                .path("transferReference").asString()).isEqualTo("BOC20261123001");
        assertThat(api().upload(confirm + total, admin.token(), "proof.txt", "not a proof".getBytes(StandardCharsets.UTF_8))
                .code()).isEqualTo("PROOF_TYPE_UNSUPPORTED");
        assertThat(api().upload(confirm + total, admin.token(), "proof.png", new byte[0]).code()).isEqualTo("PROOF_REQUIRED");
        assertThat(api().upload(confirm + total, admin.token(), "proof.png", new byte[2_097_153]).code())
                .isEqualTo("PROOF_TOO_LARGE");
        assertThat(api().upload(confirm + (total - 1), admin.token(), "proof.png", PNG).code())
                .isEqualTo("TRANSFER_AMOUNT_MISMATCH");
        assertThat(api().upload(confirm + total, purchaser.token(), "proof.png", PNG).status()).isEqualTo(403);
        assertThat(orderIds).allMatch(o -> "CREATED".equals(shop.orderStatus(o)));

        // four admins confirm at once: every order is paid exactly once
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> api().upload(confirm + total, admin.token(), "proof.pdf", "%PDF-1.4 proof".getBytes(StandardCharsets.UTF_8)));
        }
        List<Api.Response> responses = Parallel.run(calls);
        assertThat(responses).allMatch(r -> r.status() == 200 && "PAID".equals(r.json().path("status").asString()));
        for (long orderId : orderIds) {
            assertThat(shop.orderStatus(orderId)).isEqualTo("PAID");
            assertThat(shop.events("ORDER_PAID", orderId)).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE enterprise_purchase_id = ? AND payment_method = "
                + "'BANK_TRANSFER' AND paid_fen = total_fen AND alipay_trade_no IS NULL", Integer.class, id)).isEqualTo(4);
        // and once more later: still harmless
        assertThat(api().upload(confirm + total, admin.token(), "proof.png", PNG).json().path("status").asString()).isEqualTo("PAID");
        assertThat(orderIds).allMatch(o -> shop.events("ORDER_PAID", o) == 1);
        assertThat(jdbc.queryForObject("SELECT content_type FROM enterprise_transfer_proof WHERE purchase_id = ?", String.class, id))
                .isIn("application/pdf");

        // the ledger's intake credits the household from the bank-transfer clearing account
        await().atMost(WAIT).until(() -> orderIds.stream().allMatch(o -> entries("order-paid:" + o) == 1));
        for (long orderId : orderIds) {
            assertThat(jdbc.queryForList("SELECT a.code FROM journal_entry e JOIN posting p ON p.entry_id = e.id "
                    + "JOIN ledger_account a ON a.id = p.account_id WHERE e.idempotency_key = ? AND a.kind = 'CLEARING'",
                    String.class, "order-paid:" + orderId)).containsExactly("clearing:bank-transfer");
        }
        assertThat(jdbc.queryForObject("SELECT b.credit_total_fen - b.debit_total_fen FROM account_balance b JOIN ledger_account a "
                + "ON a.id = b.account_id WHERE a.code = ?", Long.class, "household:" + householdA + ":pending")).isEqualTo(160_000L);

        // a refund of a bank-transfer order cannot go back through Alipay
        long line = api().get("/api/v1/orders/" + orderIds.get(0), purchaser.token()).json().path("lines").get(0).path("id").asLong();
        assertThat(api().post("/api/v1/orders/" + orderIds.get(0) + "/refunds", purchaser.token(), Map.of("lineId", line,
                "claimType", "NO_REASON", "reason", "不需要了", "photos", List.of())).code()).isEqualTo("REFUND_BANK_TRANSFER_OFFLINE");

        // Alipay's bill of today does not miss these orders: they were never Alipay's
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode report = api().get("/api/v1/admin/ledger/reconcile/alipay-bill?date=" + today, admin.token()).json();
        JsonNode trades = report.path("trades");
        for (long orderId : orderIds) {
            String orderNo = shop.orderNo(orderId);
            for (String list : List.of("matched", "missingInternally", "missingInBill", "amountMismatches")) {
                assertThat(trades.path(list).toString()).doesNotContain(orderNo);
            }
            assertThat(report.path("ledger").toString()).doesNotContain(orderNo);
        }
        // the internal reconciliation finds their clearing movements
        JsonNode internal = api().post("/api/v1/admin/ledger/reconcile", admin.token(), "").json();
        for (long orderId : orderIds) {
            assertThat(internal.path("problems").toString()).doesNotContain("\"order#" + orderId + "\"");
        }

        // the year's target counts what was paid
        assertThat(api().put("/api/v1/admin/enterprise/orgs/" + orgId + "/targets/" + today.getYear(), admin.token(),
                Map.of("targetFen", total + 1_000)).status()).isEqualTo(200);
        JsonNode progress = api().get("/api/v1/enterprise/progress", purchaser.token()).json();
        assertThat(progress.path("boughtFen").asLong()).isEqualTo(total);
        assertThat(progress.path("remainingFen").asLong()).isEqualTo(1_000);
    }

    @Test
    void anAlipayPurchaseIsPaidOrderByOrderAndTheTargetCountsPaidMinusRefunded() {
        long id = accepted(List.of(item(skuB, 2)));
        String path = "/api/v1/enterprise/purchases/" + id;
        assertThat(api().post(path + "/place", purchaser.token(), Map.of("paymentMethod", "ALIPAY")).code())
                .isEqualTo("RECIPIENTS_REQUIRED");
        assertThat(api().upload(path + "/recipients", purchaser.token(), "r.csv", csv(2)).status()).isEqualTo(200);
        JsonNode placed = api().post(path + "/place", purchaser.token(), Map.of("paymentMethod", "ALIPAY")).json();
        assertThat(placed.path("orders").size()).isEqualTo(2);
        List<Long> orderIds = new ArrayList<>();
        placed.path("orders").forEach(o -> orderIds.add(o.path("id").asLong()));
        for (long orderId : orderIds) {
            assertThat(api().post("/api/v1/orders/" + orderId + "/payments/alipay", purchaser.token(), Map.of("channel", "QR"))
                    .status()).isEqualTo(200);
            alipay.pay(shop.orderNo(orderId));
            await().atMost(WAIT).until(() -> "PAID".equals(shop.orderStatus(orderId)));
        }
        // a bank-transfer confirmation does not apply to it
        assertThat(api().upload("/api/v1/admin/enterprise/purchases/" + id + "/transfer-confirmation?amountFen=4000",
                admin.token(), "proof.png", PNG).code()).isEqualTo("NOT_BANK_TRANSFER_PURCHASE");

        long refunded = orderIds.get(0);
        long line = api().get("/api/v1/orders/" + refunded, purchaser.token()).json().path("lines").get(0).path("id").asLong();
        long refundId = api().post("/api/v1/orders/" + refunded + "/refunds", purchaser.token(), Map.of("lineId", line,
                "claimType", "NO_REASON", "reason", "不需要了", "photos", List.of())).json().path("id").asLong();
        assertThat(api().post("/api/v1/agency/refunds/" + refundId + "/approve", b.staff().token(), "").json()
                .path("status").asString()).isEqualTo("SUCCEEDED");

        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode progress = api().get("/api/v1/admin/enterprise/orgs/" + orgId + "/progress?year=" + year, admin.token()).json();
        long paid = jdbc.queryForObject("SELECT SUM(paid_fen) FROM orders WHERE enterprise_purchase_id = ?", Long.class, id);
        assertThat(progress.path("paidFen").asLong()).isEqualTo(paid);
        assertThat(progress.path("refundedFen").asLong()).isEqualTo(2_000);
        assertThat(progress.path("boughtFen").asLong()).isEqualTo(paid - 2_000);
        assertThat(progress.path("targetFen").isNull()).isTrue();
        assertThat(api().get("/api/v1/enterprise/progress?year=" + (year - 1), purchaser.token()).json().path("paidFen").asLong())
                .isZero();
        assertThat(api().get("/api/v1/enterprise/progress?year=1999", purchaser.token()).code()).isEqualTo("YEAR_INVALID");

        // the refund goes back through Alipay's clearing account, like the payment
        await().atMost(WAIT).until(() -> entries("refund:" + refundId) == 1);
        assertThat(jdbc.queryForList("SELECT a.code FROM journal_entry e JOIN posting p ON p.entry_id = e.id "
                + "JOIN ledger_account a ON a.id = p.account_id WHERE e.idempotency_key = ? AND a.kind = 'CLEARING'",
                String.class, "refund:" + refundId)).containsExactly("clearing:alipay");
    }

    @Test
    void organisationsAreValidatedAndUnique() {
        String code = TestData.creditCode();
        Map<String, Object> body = Map.of("name", "某某局", "creditCode", code, "contactName", "张三", "contactPhone", TestData.phone());
        Api.Response created = api().post("/api/v1/admin/enterprise/orgs", admin.token(), body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(body.get("contactPhone").toString());
        assertThat(api().post("/api/v1/admin/enterprise/orgs", admin.token(), body).code()).isEqualTo("ENTERPRISE_ORG_EXISTS");
        String badCheckDigit = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        assertThat(api().post("/api/v1/admin/enterprise/orgs", admin.token(), Map.of("name", "某某局", "creditCode", badCheckDigit,
                "contactName", "张三", "contactPhone", TestData.phone())).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().post("/api/v1/admin/enterprise/orgs", purchaser.token(), body).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/admin/enterprise/orgs/" + TestData.next(), admin.token()).code())
                .isEqualTo("ENTERPRISE_ORG_NOT_FOUND");
        assertThat(api().get("/api/v1/enterprise/org", purchaser.token()).json().path("id").asLong()).isEqualTo(orgId);
    }

    // --- helpers ---------------------------------------------------------------------------

    private long org(TestData.Login login) {
        Api.Response created = api().post("/api/v1/admin/enterprise/orgs", admin.token(), Map.of("name", "测试单位" + TestData.next(),
                "creditCode", TestData.creditCode(), "contactName", "联系人", "contactPhone", TestData.phone()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(api().put("/api/v1/admin/enterprise/orgs/" + id + "/purchasers/" + login.userId(), admin.token(), "")
                .status()).isEqualTo(204);
        return id;
    }

    private long accepted(List<Map<String, Object>> items) {
        long id = quoteOf(purchaser, items).path("id").asLong();
        Api.Response accepted = api().post("/api/v1/enterprise/purchases/" + id + "/accept", purchaser.token(), "");
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        return id;
    }

    private JsonNode quote(TestData.Login login, long sku, int quantity) {
        return quoteOf(login, List.of(item(sku, quantity)));
    }

    private JsonNode quoteOf(TestData.Login login, List<Map<String, Object>> items) {
        Api.Response response = api().post("/api/v1/enterprise/purchases", login.token(), Map.of("items", items));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static Map<String, Object> item(long skuId, int quantity) {
        return Map.of("skuId", skuId, "quantity", quantity);
    }

    private static Map<String, Object> tier(int minQuantity, long unitPriceFen) {
        return Map.of("minQuantity", minQuantity, "unitPriceFen", unitPriceFen);
    }

    private static byte[] csv(int recipients) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int i = 0; i < recipients; i++) {
            csv.append("收货人").append(i).append(",1380013800").append(i).append(",44,广州市天河区测试路").append(i).append("号\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long entries(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE idempotency_key = ?", Long.class, key);
    }
}
