package cn.zhunong.mall.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.ledger.LedgerFixtures.World;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Statements (JSON, print view, Excel), summaries, and the buyer's and the public's impact views. */
class LedgerReportApiTest extends ApiTest {

    static final Instant PAID_AT = LedgerPostingTest.PAID_AT;
    static final LocalDate DAY = LocalDate.ofInstant(PAID_AT, ZoneId.of("Asia/Shanghai"));

    @Autowired
    LedgerService ledger;
    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures fx;
    World world;
    long alice;
    long bob;
    long sku;
    long orderId;
    long lineId;
    TestData.Login buyer;

    @BeforeEach
    void setUp() {
        fx = new LedgerFixtures(jdbc, data);
        world = fx.world();
        alice = fx.household(world.villageId(), true, "清溪村 陈**");
        bob = fx.household(world.villageId(), false, null);
        sku = fx.sku(fx.product(world.agencyId(), world.villageId(), "高山茶<油>"), "2斤装", 2_000, null);
        fx.lot(sku, alice, 2, 3_000L, null, LocalDate.now().minusDays(2));
        fx.lot(sku, bob, 10, null, 5_000, LocalDate.now().minusDays(1));
        buyer = data.citizen();
        orderId = fx.orderRow(world.agencyId(), buyer.userId());
        lineId = LedgerFixtures.id();
        // 3 units for 120.00: Alice 2 x 30.00; Bob 50% of 1/3 of 120.00 = 20.00
        ledger.onOrderPaid(new PaidOrder(orderId, world.agencyId(), 7_001L, PAID_AT,
                List.of(new PaidLine(lineId, sku, 3, 12_000, null)), buyer.userId()));
        ledger.onRefundSucceeded(new Refund(LedgerFixtures.id(), orderId, lineId, 4_000, PAID_AT.plusSeconds(5)));
    }

    String period() {
        return "?from=" + DAY + "&to=" + DAY;
    }

    @Test
    void aStatementListsEachAllocationWithProductTotalsAndBalances() {
        Api.Response response = api().get("/api/v1/ledger/households/" + alice + "/statement" + period(), world.staff().token());
        assertThat(response.status()).isEqualTo(200);
        JsonNode s = response.json();
        assertThat(s.path("household").path("villageId").asLong()).isEqualTo(world.villageId());
        assertThat(s.path("household").path("bankAccountMasked").asString()).contains("*");
        JsonNode line = s.path("lines").get(0);
        assertThat(line.path("productName").asString()).isEqualTo("高山茶<油>");
        assertThat(line.path("units").asInt()).isEqualTo(2);
        assertThat(line.path("incomeFen").asLong()).isEqualTo(6_000);
        assertThat(line.path("reversedFen").asLong()).isEqualTo(2_000); // a third refunded
        assertThat(line.path("status").asString()).isEqualTo("PENDING");
        assertThat(s.path("totals").path("netIncomeFen").asLong()).isEqualTo(4_000);
        assertThat(s.path("balances").path("pendingFen").asLong()).isEqualTo(4_000);

        assertThat(api().get("/api/v1/ledger/households/" + alice + "/statement?from=" + DAY + "&to=" + DAY.minusDays(1),
                world.staff().token()).code()).isEqualTo("PERIOD_INVALID");
        long other = data.agency("无关机构" + LedgerFixtures.id());
        assertThat(api().get("/api/v1/ledger/households/" + alice + "/statement" + period(), data.staff(other).token()).code())
                .isEqualTo("HOUSEHOLD_NOT_FOUND");
    }

    @Test
    void thePrintViewEscapesTextAndTheExcelExportHoldsTheSameFigures() throws Exception {
        Api.Response html = api().get("/api/v1/ledger/households/" + alice + "/statement.html" + period(), world.staff().token());
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("帮扶户收入对账单", "高山茶&lt;油&gt;", "40.00").doesNotContain("高山茶<油>");

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/ledger/households/" + alice + "/statement.xlsx" + period()))
                .header("Authorization", "Bearer " + world.staff().token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("收入明细");
            assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("商品"); // title, blank line, header
            assertThat(sheet.getRow(5).getCell(3).getStringCellValue()).isEqualTo("高山茶<油>");
            assertThat(sheet.getRow(5).getCell(9).getNumericCellValue()).isEqualTo(40.00);
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("合计");
        }
    }

    @Test
    void summariesCountUnitsInPiecesAndJinIncomeHouseholdsAndBuyers() throws Exception {
        Api.Response response = api().get("/api/v1/ledger/reports/summary?dimension=VILLAGE&granularity=MONTH&from=" + DAY
                + "&to=" + DAY + "&villageId=" + world.villageId(), world.staff().token());
        assertThat(response.status()).isEqualTo(200);
        JsonNode row = response.json().path("rows").get(0);
        assertThat(row.path("key").asLong()).isEqualTo(world.villageId());
        assertThat(row.path("bucket").asString()).isEqualTo(DAY.toString().substring(0, 7));
        assertThat(row.path("units").asLong()).isEqualTo(3);
        assertThat(row.path("jin").decimalValue()).isEqualByComparingTo("6");
        assertThat(row.path("gmvFen").asLong()).isEqualTo(12_000);
        assertThat(row.path("refundedFen").asLong()).isEqualTo(4_000);
        assertThat(row.path("householdIncomeFen").asLong()).isEqualTo(8_000 - 2_666);
        assertThat(row.path("householdsBenefited").asLong()).isEqualTo(2);
        assertThat(row.path("buyers").asLong()).isEqualTo(1);
        assertThat(response.json().path("total").path("orders").asLong()).isEqualTo(1);

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/ledger/reports/summary.xlsx?dimension=AGENCY&granularity=DAY&from=" + DAY + "&to=" + DAY + "&agencyId="
                + world.agencyId())).header("Authorization", "Bearer " + world.staff().token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).startsWith("台账机构");
            assertThat(sheet.getRow(4).getCell(5).getNumericCellValue()).isEqualTo(120.00);
            assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("合计");
        }

        JsonNode campaign = api().get("/api/v1/ledger/reports/summary?dimension=CAMPAIGN&from=" + DAY + "&to=" + DAY
                + "&campaignId=7001", world.staff().token()).json();
        assertThat(campaign.path("rows").get(0).path("key").asLong()).isEqualTo(7_001);
        // another agency's staff see none of it
        long other = data.agency("无关机构" + LedgerFixtures.id());
        assertThat(api().get("/api/v1/ledger/reports/summary?dimension=VILLAGE&from=" + DAY + "&to=" + DAY + "&villageId="
                + world.villageId(), data.staff(other).token()).json().path("rows").size()).isZero();
        assertThat(api().get("/api/v1/ledger/reports/summary?dimension=NOPE&from=" + DAY + "&to=" + DAY,
                world.staff().token()).status()).isEqualTo(400);
    }

    @Test
    void theBuyerSeesWhomTheOrderHelpedOnlyByConsentingAliasAndOthersSeeNothing() {
        Api.Response response = api().get("/api/v1/orders/" + orderId + "/impact", buyer.token());
        assertThat(response.status()).isEqualTo(200);
        JsonNode line = response.json().path("lines").get(0);
        assertThat(line.path("households")).hasSize(1);
        assertThat(line.path("households").get(0).path("publicAlias").asString()).isEqualTo("清溪村 陈**");
        assertThat(line.path("households").get(0).path("paidOut").asBoolean()).isFalse();
        assertThat(line.path("otherHouseholds").asLong()).isEqualTo(1);
        assertThat(response.body()).doesNotContain("户主", "6222");
        assertThat(response.json().path("householdsCredited").asLong()).isEqualTo(2);

        assertThat(api().get("/api/v1/orders/" + orderId + "/impact", data.citizen().token()).code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(api().get("/api/v1/orders/" + orderId + "/impact", world.staff().token()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/orders/" + orderId + "/impact", null).status()).isEqualTo(401);
    }

    @Test
    void aVillagesPublicPageShowsTotalsWithoutLoginOrPersonalData() {
        Api.Response response = api().get("/api/v1/public/villages/" + world.villageId() + "/impact", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode v = response.json();
        assertThat(v.path("householdsBenefited").asLong()).isEqualTo(2);
        assertThat(v.path("householdIncomeFen").asLong()).isEqualTo(8_000 - 2_666);
        assertThat(v.path("unitsSold").asLong()).isEqualTo(3);
        assertThat(response.body()).doesNotContain("陈**", "户主");
        assertThat(api().get("/api/v1/public/villages/999999999/impact", null).code()).isEqualTo("VILLAGE_NOT_FOUND");
        assertThat(api().post("/api/v1/public/villages/" + world.villageId() + "/impact", null, "").status()).isEqualTo(401);
    }

    @Test
    void paidOutIncomeShowsOnTheBuyersView() {
        Instant received = PAID_AT.plus(Duration.ofDays(1));
        ledger.onOrderReceived(new ReceiptConfirmed(orderId, received));
        ledger.releaseIfDue(orderId, received.plus(Duration.ofDays(7)));
        JsonNode created = api().post("/api/v1/ledger/payout-batches", world.staff().token(),
                java.util.Map.of("villageId", world.villageId())).json();
        for (JsonNode item : created.path("items")) {
            api().post("/api/v1/ledger/payout-batches/" + created.path("id").asLong() + "/items/" + item.path("id").asLong()
                    + "/paid", world.staff().token(), java.util.Map.of("method", "BANK", "reference", "B" + item.path("id").asLong()));
        }
        JsonNode impact = api().get("/api/v1/orders/" + orderId + "/impact", buyer.token()).json();
        assertThat(impact.path("lines").get(0).path("households").get(0).path("paidOut").asBoolean()).isTrue();
        assertThat(impact.path("paidOutFen").asLong()).isEqualTo(impact.path("householdIncomeFen").asLong());
        assertThat(api().get("/api/v1/public/villages/" + world.villageId() + "/impact", null).json().path("paidOutFen").asLong())
                .isEqualTo(8_000 - 2_666);
    }
}
