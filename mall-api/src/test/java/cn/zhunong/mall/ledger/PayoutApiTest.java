package cn.zhunong.mall.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.ledger.LedgerFixtures.World;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** 打款到户 over HTTP: batches per village, paid with a reference, proof, confirmation, offsets. */
class PayoutApiTest extends ApiTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Autowired
    LedgerService ledger;
    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures fx;
    World world;
    long alice;
    long bob;
    long sku;

    @BeforeEach
    void setUp() {
        fx = new LedgerFixtures(jdbc, data);
        world = fx.world();
        alice = fx.household(world.villageId(), true, "桃源村 王**");
        bob = fx.household(world.villageId(), false, null);
        sku = fx.sku(fx.product(world.agencyId(), world.villageId(), "脐橙"), "10斤装", 10_000, null);
        fx.lot(sku, alice, 2, 2_000L, null, LocalDate.now().minusDays(3));
        fx.lot(sku, bob, 100, 1_500L, null, LocalDate.now().minusDays(1));
    }

    /** Pays an order, receives it and closes its window: the income is available. Returns the line id. */
    long availableOrder(int units, long netFen) {
        long orderId = LedgerFixtures.id();
        long lineId = LedgerFixtures.id();
        ledger.onOrderPaid(LedgerPostingTest.order(orderId, world.agencyId(), new PaidLine(lineId, sku, units, netFen, null)));
        Instant received = LedgerPostingTest.PAID_AT.plus(Duration.ofDays(1));
        ledger.onOrderReceived(new ReceiptConfirmed(orderId, received));
        assertThat(ledger.releaseIfDue(orderId, received.plus(Duration.ofDays(7)))).isTrue();
        return lineId;
    }

    /** POST with an optional Idempotency-Key header (the shared test client sends no extra headers). */
    Api.Response createBatch(String token, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ledger/payout-batches"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                        Map.of("villageId", world.villageId(), "note", "五月打款"))));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBatchPaysEachHouseholdsAvailableIncomeOnceAndTracksItToConfirmation() {
        availableOrder(3, 9_000); // Alice 2 x 20.00, Bob 1 x 15.00
        String token = world.staff().token();
        Api.Response created = createBatch(token, "batch-" + LedgerFixtures.id());
        assertThat(created.status()).isEqualTo(201);
        JsonNode batch = created.json();
        assertThat(batch.path("itemCount").asInt()).isEqualTo(2);
        assertThat(batch.path("totalFen").asLong()).isEqualTo(5_500);
        JsonNode aliceItem = item(batch, alice);
        assertThat(aliceItem.path("amountFen").asLong()).isEqualTo(4_000);
        assertThat(aliceItem.path("bankAccountMasked").asString()).contains("*");
        long batchId = batch.path("id").asLong();
        long itemId = aliceItem.path("id").asLong();

        // nothing left to pay: the open items hold it
        assertThat(createBatch(token, null).code()).isEqualTo("PAYOUT_NOTHING_TO_PAY");

        String base = "/api/v1/ledger/payout-batches/" + batchId + "/items/" + itemId;
        assertThat(api().post(base + "/confirm", token, Map.of()).code()).isEqualTo("PAYOUT_PROOF_REQUIRED");
        Api.Response paid = api().post(base + "/paid", token, Map.of("method", "BANK", "reference", "NX20260501-001"));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.json().path("status").asString()).isEqualTo("PAID_OUT");
        assertThat(api().post(base + "/paid", token, Map.of("method", "BANK", "reference", "NX20260501-001")).status())
                .isEqualTo(200); // the same call again changes nothing
        assertThat(api().post(base + "/paid", token, Map.of("method", "CASH", "reference", "X1")).code())
                .isEqualTo("PAYOUT_ITEM_STATE_CONFLICT");
        assertThat(fx.available(alice)).isZero();
        assertThat(fx.paid(alice)).isEqualTo(4_000);
        assertThat(fx.entries("payout:" + itemId)).isEqualTo(1);

        assertThat(api().upload(base + "/proof", token, "receipt.png", PNG).json().path("hasProof").asBoolean()).isTrue();
        Api.Response proof = api().get(base + "/proof", token);
        assertThat(proof.contentType()).isEqualTo("image/png");
        Api.Response confirmed = api().post(base + "/confirm", token, Map.of("note", "户主已签收"));
        assertThat(confirmed.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForList("SELECT status FROM ledger_allocation WHERE household_id = ?", String.class, alice))
                .containsOnly("CONFIRMED");

        Api.Response read = api().get("/api/v1/ledger/payout-batches/" + batchId, token);
        assertThat(read.json().path("paidOutCount").asLong()).isEqualTo(1);
        assertThat(read.json().path("confirmedCount").asLong()).isEqualTo(1);
        assertThat(api().get("/api/v1/ledger/payout-batches?villageId=" + world.villageId(), token).json()
                .path("items").size()).isEqualTo(1);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheSameBatch() {
        availableOrder(1, 3_000);
        String key = "retry-" + LedgerFixtures.id();
        long first = createBatch(world.staff().token(), key).json().path("id").asLong();
        Api.Response again = createBatch(world.staff().token(), key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("id").asLong()).isEqualTo(first);
    }

    @Test
    void aRefundAfterPayoutLeavesANegativeBalanceThatTheNextBatchOffsets() {
        long line = availableOrder(2, 6_000); // Alice 2 x 20.00
        String token = world.staff().token();
        JsonNode batch = createBatch(token, null).json();
        long itemId = item(batch, alice).path("id").asLong();
        api().post("/api/v1/ledger/payout-batches/" + batch.path("id").asLong() + "/items/" + itemId + "/paid", token,
                Map.of("method", "CASH", "reference", "R-1"));
        long orderId = jdbc.queryForObject("SELECT order_id FROM ledger_order_line WHERE order_line_id = ?", Long.class, line);
        ledger.onRefundSucceeded(new Refund(LedgerFixtures.id(), orderId, line, 3_000, Instant.now()));
        assertThat(fx.available(alice)).isEqualTo(-2_000); // half of Alice's 40.00 came back after she was paid

        availableOrder(3, 12_000); // Alice's lot is used up: Bob 3 x 15.00; nothing new for Alice
        JsonNode bobOnly = createBatch(token, null).json();
        assertThat(bobOnly.path("itemCount").asInt()).isEqualTo(1);
        assertThat(item(bobOnly, bob).path("amountFen").asLong()).isEqualTo(4_500);

        // a later sale of Alice's produce first pays back what she owes
        fx.lot(sku, alice, 5, 2_500L, null, LocalDate.now().minusDays(30));
        availableOrder(2, 8_000); // Alice 2 x 25.00
        JsonNode next = createBatch(token, null).json();
        assertThat(item(next, alice).path("amountFen").asLong()).isEqualTo(5_000 - 2_000);
    }

    @Test
    void proofsMustBeJpegPngOrPdfOfAtMostFiveMegabytes() {
        availableOrder(1, 3_000);
        JsonNode batch = createBatch(world.staff().token(), null).json();
        String base = "/api/v1/ledger/payout-batches/" + batch.path("id").asLong() + "/items/" + item(batch, alice).path("id").asLong();
        Api.Response html = api().upload(base + "/proof", world.staff().token(), "receipt.png", "<html>".getBytes());
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.code()).isEqualTo("PROOF_TYPE_UNSUPPORTED");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        big[4] = '-';
        assertThat(api().upload(base + "/proof", world.staff().token(), "big.pdf", big).status()).isEqualTo(413);
        byte[] pdf = "%PDF-1.4\n%%EOF".getBytes();
        assertThat(api().upload(base + "/proof", world.staff().token(), "ok.pdf", pdf).status()).isEqualTo(200);
        assertThat(api().upload(base + "/proof", world.staff().token(), "empty.pdf", new byte[0]).code()).isEqualTo("PROOF_EMPTY");
    }

    @Test
    void otherAgenciesCannotSeeOrPayAndAidingAgenciesOnlyRead() {
        availableOrder(1, 3_000);
        long other = data.agency("别的机构" + LedgerFixtures.id());
        assertThat(createBatch(data.staff(other).token(), null).code()).isEqualTo("VILLAGE_NOT_FOUND");
        JsonNode batch = createBatch(world.staff().token(), null).json();
        String path = "/api/v1/ledger/payout-batches/" + batch.path("id").asLong();
        assertThat(api().get(path, data.staff(other).token()).code()).isEqualTo("PAYOUT_BATCH_NOT_FOUND");
        assertThat(api().get(path, data.citizen().token()).status()).isEqualTo(403);

        long aiding = data.agency("牵手机构" + LedgerFixtures.id());
        data.pairing(aiding, world.agencyId());
        String aidingToken = data.staff(aiding).token();
        assertThat(api().get(path, aidingToken).status()).isEqualTo(200);
        assertThat(api().post(path + "/items/" + item(batch, alice).path("id").asLong() + "/paid", aidingToken,
                Map.of("method", "BANK", "reference", "X")).code()).isEqualTo("READ_ONLY_SCOPE");
        assertThat(api().post(path + "/items/" + item(batch, alice).path("id").asLong() + "/paid", world.staff().token(),
                Map.of("method", "WIRE", "reference", "X")).status()).isEqualTo(400);
        assertThat(api().post(path + "/items/" + item(batch, alice).path("id").asLong() + "/paid", world.staff().token(),
                Map.of("method", "BANK", "reference", "")).code()).isEqualTo("VALIDATION_FAILED");
    }

    private static JsonNode item(JsonNode batch, long household) {
        for (JsonNode item : batch.path("items")) {
            if (item.path("householdId").asLong() == household) {
                return item;
            }
        }
        throw new AssertionError("no item for household " + household + " in " + batch);
    }
}
