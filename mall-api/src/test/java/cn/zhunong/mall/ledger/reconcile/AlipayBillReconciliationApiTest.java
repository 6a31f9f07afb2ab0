package cn.zhunong.mall.ledger.reconcile;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.mall.ledger.intake.IntakeStreams;
import cn.zhunong.mall.payment.AlipayBillGateway;
import cn.zhunong.mall.payment.AlipayGateway;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.OrderTestData.Shop;
import cn.zhunong.mall.support.Rows;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reconciliation with the Alipay trade bill the simulator builds (GBK ZIP, Alipay's CSV layout),
 * fetched through the SDK or uploaded. The simulator and the database are shared with other
 * tests, so a busy day is checked by this test's own payments; an empty day must match fully.
 */
class AlipayBillReconciliationApiTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Charset GBK = Charset.forName("GBK");
    private static final String PATH = "/api/v1/admin/ledger/reconcile/alipay-bill?date=";

    @Autowired
    OrderTestData shop;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AlipayGateway gateway;
    @Autowired
    AlipayBillGateway bills;
    @Autowired
    StringRedisTemplate redis;

    private final AlipaySimulator alipay = TestAlipay.get().simulator();
    private Shop s;
    private TestData.Login buyer;
    private TestData.Login admin;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        s = shop.shop();
        buyer = data.citizen();
        admin = data.admin();
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aDayWithoutDifferencesMatchesFully() {
        // this test's payments and refund of today are all matched
        long a = paidOrder(shop.simpleSku(s, 2_345, 10), 2);
        long sku = shop.simpleSku(s, 1_001, 10);
        long b = paidOrder(sku, 3);
        long line = api().get("/api/v1/orders/" + b, buyer.token()).json().path("lines").get(0).path("id").asLong();
        long refundId = api().post("/api/v1/orders/" + b + "/refunds", buyer.token(), Map.of("lineId", line,
                "claimType", "NO_REASON", "reason", "不想要了", "photos", List.of())).json().path("id").asLong();
        assertThat(api().post("/api/v1/agency/refunds/" + refundId + "/approve", s.staff().token(), "").json()
                .path("status").asString()).isEqualTo("SUCCEEDED");
        // the ledger's intake has posted all three (the report checks the ledger too)
        await().atMost(WAIT).until(() -> entries("order-paid:" + a) + entries("order-paid:" + b) + entries("refund:" + refundId) == 3);

        Api.Response response = api().get(PATH + today, admin.token());
        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.path("source").asString()).isEqualTo("DOWNLOAD");
        assertThat(report.path("account").asString()).startsWith(TestAlipay.SELLER_ID);
        JsonNode trades = report.path("trades");
        assertThat(item(trades.path("matched"), shop.orderNo(a)).path("billFen").asLong()).isEqualTo(4_690);
        assertThat(item(trades.path("matched"), shop.orderNo(b)).path("ourFen").asLong()).isEqualTo(3_003);
        String requestNo = jdbc.queryForObject("SELECT out_request_no FROM refund WHERE id = ?", String.class, refundId);
        JsonNode refund = itemByRequest(report.path("refunds").path("matched"), requestNo);
        assertThat(refund.path("billFen").asLong()).isEqualTo(3_003);
        assertThat(refund.path("refundId").asLong()).isEqualTo(refundId);
        assertThat(report.path("ledger").toString()).doesNotContain(shop.orderNo(a), shop.orderNo(b), requestNo);
        for (String list : List.of("missingInternally", "missingInBill", "amountMismatches")) {
            assertThat(trades.path(list).toString()).doesNotContain(shop.orderNo(a), shop.orderNo(b));
            assertThat(report.path("refunds").path(list).toString()).doesNotContain(requestNo);
        }

        // a day on which nothing was paid: an empty bill and no records, fully matched
        JsonNode quiet = api().get(PATH + "2020-01-01", admin.token()).json();
        assertThat(quiet.path("ok").asBoolean()).isTrue();
        assertThat(quiet.path("trades").path("billCount").asInt()).isZero();
        assertThat(quiet.path("trades").path("ourCount").asInt()).isZero();
        assertThat(quiet.path("ledger")).isEmpty();
    }

    @Test
    void missingPaymentsOnEitherSideAndAmountMismatchesAreReportedWithTheTradeQuery() {
        // Alipay has a payment for a number we never issued
        String stranger = "ZNX" + TestData.next();
        gateway.precreateQrCode(new AlipayGateway.Trade(stranger, 1_234, "外部订单", Instant.now().plusSeconds(1800)));
        alipay.pay(stranger);
        // we recorded a payment Alipay never saw
        long phantom = phantomPaidOrder(5_500);
        String phantomNo = shop.orderNo(phantom);
        // and one whose recorded amount differs from Alipay's
        long differing = paidOrder(shop.simpleSku(s, 4_000, 10), 1);
        jdbc.update("UPDATE orders SET paid_fen = paid_fen + 1 WHERE id = ?", differing);
        // a paid order the household ledger never posted: paid as a group order, then no longer one
        long sku = shop.simpleSku(s, 700, 10);
        long unposted = placedOrder(sku, 1);
        jdbc.update("UPDATE orders SET group_buy_id = ? WHERE id = ?", TestData.next(), unposted);
        pay(unposted);
        IntakeStreams streams = new IntakeStreams(redis, jdbc);
        streams.awaitAcknowledged(streams.published("ORDER_PAID", unposted).getId());
        // a group order waiting for its group is not a difference
        long waiting = placedOrder(sku, 2);
        jdbc.update("UPDATE orders SET group_buy_id = ? WHERE id = ?", TestData.next(), waiting);
        pay(waiting);
        jdbc.update("UPDATE orders SET group_buy_id = NULL WHERE id = ?", unposted);

        JsonNode report = api().get(PATH + today, admin.token()).json();
        assertThat(report.path("ok").asBoolean()).isFalse();
        JsonNode trades = report.path("trades");
        JsonNode unknown = item(trades.path("missingInternally"), stranger);
        assertThat(unknown.path("billFen").asLong()).isEqualTo(1_234);
        assertThat(unknown.path("note").asString()).isEqualTo("UNKNOWN_ORDER");
        assertThat(unknown.path("tradeQuery").path("exists").asBoolean()).isTrue();
        assertThat(unknown.path("tradeQuery").path("status").asString()).isEqualTo("TRADE_SUCCESS");
        assertThat(unknown.path("tradeQuery").path("totalFen").asLong()).isEqualTo(1_234);

        JsonNode ours = item(trades.path("missingInBill"), phantomNo);
        assertThat(ours.path("ourFen").asLong()).isEqualTo(5_500);
        assertThat(ours.path("orderId").asLong()).isEqualTo(phantom);
        assertThat(ours.path("tradeQuery").path("exists").asBoolean()).isFalse();

        JsonNode mismatch = item(trades.path("amountMismatches"), shop.orderNo(differing));
        assertThat(mismatch.path("billFen").asLong()).isEqualTo(4_000);
        assertThat(mismatch.path("ourFen").asLong()).isEqualTo(4_001);
        assertThat(trades.path("matched").toString()).doesNotContain(shop.orderNo(differing), phantomNo, stranger);

        JsonNode notPosted = null;
        for (JsonNode difference : report.path("ledger")) {
            if (difference.path("orderId").asLong() == unposted) {
                notPosted = difference;
            }
        }
        assertThat(notPosted).isNotNull();
        assertThat(notPosted.path("note").asString()).isEqualTo("LEDGER_NOT_POSTED");
        assertThat(notPosted.path("expectedFen").asLong()).isEqualTo(700);
        assertThat(report.path("ledger").toString()).doesNotContain(shop.orderNo(waiting));
        assertThat(item(trades.path("matched"), shop.orderNo(waiting)).path("billFen").asLong()).isEqualTo(1_400);
    }

    @Test
    void anUploadedBillIsReconciledLikeADownloadedOne() throws IOException {
        long order = paidOrder(shop.simpleSku(s, 1_990, 10), 1);
        byte[] zip = bills.tradeBill(today);

        Api.Response response = api().upload(PATH + today, admin.token(), "bill.csv.zip", zip);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("source").asString()).isEqualTo("UPLOAD");
        assertThat(item(response.json().path("trades").path("matched"), shop.orderNo(order)).path("billFen").asLong())
                .isEqualTo(1_990);
        // the detail CSV alone is accepted too
        Api.Response csv = api().upload(PATH + today, admin.token(), "detail.csv", detail(zip).getBytes(GBK));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(item(csv.json().path("trades").path("matched"), shop.orderNo(order)).path("ourFen").asLong()).isEqualTo(1_990);

        // another day's bill, and only platform admins
        assertThat(api().upload(PATH + today.minusDays(1), admin.token(), "bill.zip", zip).code())
                .isEqualTo("ALIPAY_BILL_WRONG_DAY");
        assertThat(api().upload(PATH + today, s.staff().token(), "bill.zip", zip).status()).isEqualTo(403);
        assertThat(api().get(PATH + today, buyer.token()).status()).isEqualTo(403);
    }

    @Test
    void aMalformedBillIsRefusedWithAClearCodeNeverA500() throws IOException {
        paidOrder(shop.simpleSku(s, 1_500, 10), 1);
        byte[] zip = bills.tradeBill(today);
        String detail = detail(zip);
        String[] lines = detail.split("\r\n");
        int firstRow = 0;
        while (!lines[firstRow].startsWith("支付宝交易号")) {
            firstRow++;
        }
        firstRow++;

        // an amount that is not yuan with two decimals, in the ZIP as downloaded
        String badAmount = detail.replace(lines[firstRow], lines[firstRow].replaceFirst(",(\\d+)\\.(\\d{2}),", ",$1.$2x,"));
        Api.Response amount = api().upload(PATH + today, admin.token(), "bill.zip", zip(badAmount));
        assertThat(amount.status()).isEqualTo(422);
        assertThat(amount.code()).isEqualTo("ALIPAY_BILL_MALFORMED");
        assertThat(amount.json().path("detail").asString()).contains("第 " + (firstRow + 1) + " 行");

        // a row with a missing column, totals that do not add up, a truncated file
        String shortRow = detail.replace(lines[firstRow], lines[firstRow].substring(0, lines[firstRow].lastIndexOf(',')));
        assertThat(api().upload(PATH + today, admin.token(), "bill.zip", zip(shortRow)).code()).isEqualTo("ALIPAY_BILL_MALFORMED");
        String dropped = detail.replace(lines[firstRow] + "\r\n", "");
        assertThat(api().upload(PATH + today, admin.token(), "bill.zip", zip(dropped)).code()).isEqualTo("ALIPAY_BILL_MALFORMED");
        String truncated = detail.substring(0, detail.indexOf(lines[firstRow]) + lines[firstRow].length());
        assertThat(api().upload(PATH + today, admin.token(), "bill.zip", zip(truncated)).code()).isEqualTo("ALIPAY_BILL_MALFORMED");

        // not a bill at all: a ZIP without the detail file, bytes that are no ZIP, UTF-8 text with a .csv name, nothing
        assertThat(api().upload(PATH + today, admin.token(), "bill.zip", zipOf("readme.txt", "hello".getBytes(GBK))).code())
                .isEqualTo("ALIPAY_BILL_MALFORMED");
        assertThat(api().upload(PATH + today, admin.token(), "bill.zip", "PK not really".getBytes(GBK)).code())
                .isEqualTo("BILL_FILE_TYPE");
        assertThat(api().upload(PATH + today, admin.token(), "bill.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}).code())
                .isEqualTo("ALIPAY_BILL_MALFORMED");
        assertThat(api().upload(PATH + today, admin.token(), "bill.zip", new byte[0]).code()).isEqualTo("BILL_FILE_REQUIRED");
        assertThat(api().upload(PATH + "2026-13-01", admin.token(), "bill.zip", zip).status()).isEqualTo(400);
        assertThat(api().get(PATH + today.plusDays(2), admin.token()).code()).isEqualTo("BILL_DATE_IN_FUTURE");
    }

    // --- helpers ---------------------------------------------------------------------------

    private long paidOrder(long skuId, int quantity) {
        long id = placedOrder(skuId, quantity);
        pay(id);
        return id;
    }

    private long placedOrder(long skuId, int quantity) {
        Api.Response placed = new OrderClient(port).placeOrder(buyer.token(), OrderClient.newKey(), body(skuId, quantity));
        assertThat(placed.status()).isEqualTo(201);
        return placed.json().path("id").asLong();
    }

    private void pay(long id) {
        assertThat(api().post("/api/v1/orders/" + id + "/payments/alipay", buyer.token(), Map.of("channel", "QR")).status())
                .isEqualTo(200);
        alipay.pay(shop.orderNo(id));
        await().atMost(WAIT).until(() -> "PAID".equals(shop.orderStatus(id)));
    }

    private long entries(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE idempotency_key = ?", Long.class, key);
    }

    /** An order we believe was paid now, with a number Alipay never saw. */
    private long phantomPaidOrder(long fen) {
        Timestamp now = Timestamp.from(Instant.now());
        return Rows.insert(jdbc, "INSERT INTO orders (order_no, user_id, agency_id, idempotency_key, request_hash, status, "
                + "goods_fen, shipping_fen, total_fen, receiver_name, receiver_phone_enc, receiver_phone_masked, province_code, "
                + "receiver_address, expires_at, paid_fen, paid_at, alipay_trade_no, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, 'PAID', ?, 0, ?, '张三', ?, '139****5678', '44', '测试地址', ?, ?, ?, ?, ?, ?)",
                "ZNP" + TestData.next(), buyer.userId(), s.agencyId(), "k" + TestData.next(), "0".repeat(64), fen, fen,
                new byte[] {1}, now, fen, now, "2026000000" + TestData.next(), now, now);
    }

    private static JsonNode item(JsonNode list, String outTradeNo) {
        for (JsonNode item : list) {
            if (outTradeNo.equals(item.path("outTradeNo").asString())) {
                return item;
            }
        }
        throw new AssertionError(outTradeNo + " not in " + list);
    }

    private static JsonNode itemByRequest(JsonNode list, String requestNo) {
        for (JsonNode item : list) {
            if (requestNo.equals(item.path("outRequestNo").asString())) {
                return item;
            }
        }
        throw new AssertionError(requestNo + " not in " + list);
    }

    /** The detail CSV inside a bill ZIP, decoded. */
    private static String detail(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), GBK)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().endsWith("业务明细.csv")) {
                    return new String(in.readAllBytes(), GBK);
                }
            }
        }
        throw new AssertionError("no detail file");
    }

    private static byte[] zip(String detail) throws IOException {
        return zipOf("20880000000000010156_20261123_业务明细.csv", detail.getBytes(GBK));
    }

    private static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, GBK)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
