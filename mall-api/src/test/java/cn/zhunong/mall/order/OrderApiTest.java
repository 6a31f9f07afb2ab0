package cn.zhunong.mall.order;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.payment.UnpaidOrderSweeper;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.OrderTestData.Shop;
import cn.zhunong.mall.support.Parallel;
import cn.zhunong.mall.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Placing orders: server-side prices, validation, idempotency, snapshots, who sees what, the state machine. */
class OrderApiTest extends ApiTest {

    @Autowired
    OrderTestData shop;

    @Autowired
    UnpaidOrderSweeper sweeper;

    @Autowired
    JdbcTemplate jdbc;

    private OrderClient orders() {
        return new OrderClient(port);
    }

    @Test
    void pricesShippingAndTotalsComeFromTheCatalog() {
        Shop s = shop.shop();
        long template = shop.template(s.agencyId(), "BY_WEIGHT", 0, 1000, 500, null, "[\"54\"]");
        long product = shop.product(s, "从江香猪腊肉", false, template);
        long sku = shop.sku(product, 6800, 50, 10, 1200, null);
        TestData.Login buyer = data.citizen();

        Api.Response quote = api().post("/api/v1/orders/quote", buyer.token(), body(sku, 3));
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.json().path("goodsFen").asLong()).isEqualTo(3 * 6800);
        // 3.6 kg: first kg 1000 + 3 started further kg x 500
        assertThat(quote.json().path("shippingFen").asLong()).isEqualTo(2500);

        Api.Response placed = orders().placeOrder(buyer.token(), OrderClient.newKey(), body(sku, 3));
        assertThat(placed.status()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(order.path("status").asString()).isEqualTo("CREATED");
        assertThat(order.path("goodsFen").asLong()).isEqualTo(20400);
        assertThat(order.path("shippingFen").asLong()).isEqualTo(2500);
        assertThat(order.path("totalFen").asLong()).isEqualTo(22900);
        assertThat(order.path("receiver").path("phoneMasked").asString()).isEqualTo("139****5678");
        assertThat(placed.body()).doesNotContain("13912345678");
        assertThat(order.path("lines").get(0).path("unitPriceFen").asLong()).isEqualTo(6800);
        assertThat(order.path("lines").get(0).has("incomeLots")).isFalse();
        Instant expires = Instant.parse(order.path("expiresAt").asString());
        Instant created = Instant.parse(order.path("createdAt").asString());
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofMinutes(30));
        shop.assertStockSettled(sku, 47);
    }

    @Test
    void clientPricesAndBadQuantitiesAreRefused() {
        long sku = shop.simpleSku(shop.shop(), 1000, 100);
        String token = data.citizen().token();
        String withPrice = "{\"items\":[{\"skuId\":" + sku + ",\"quantity\":1,\"unitPriceFen\":1}],"
                + "\"address\":{\"name\":\"张三\",\"phone\":\"13912345678\",\"provinceCode\":\"44\",\"detail\":\"某路 1 号\"}}";
        assertThat(orders().placeOrder(token, OrderClient.newKey(), withPrice).code()).isEqualTo("UNKNOWN_FIELD");
        String withTotal = "{\"totalFen\":1,\"items\":[{\"skuId\":" + sku + ",\"quantity\":1}],"
                + "\"address\":{\"name\":\"张三\",\"phone\":\"13912345678\",\"provinceCode\":\"44\",\"detail\":\"某路 1 号\"}}";
        assertThat(orders().placeOrder(token, OrderClient.newKey(), withTotal).status()).isEqualTo(400);
        for (int quantity : new int[] {0, -1, 10_000, Integer.MAX_VALUE}) {
            Api.Response response = orders().placeOrder(token, OrderClient.newKey(), body(sku, quantity));
            assertThat(response.status()).as("quantity %d", quantity).isEqualTo(400);
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        }
        String hugeNumber = "{\"items\":[{\"skuId\":" + sku + ",\"quantity\":99999999999999999999}],"
                + "\"address\":{\"name\":\"张三\",\"phone\":\"13912345678\",\"provinceCode\":\"44\",\"detail\":\"某路 1 号\"}}";
        assertThat(orders().placeOrder(token, OrderClient.newKey(), hugeNumber).status()).isEqualTo(400);
        // above the SKU's own per-order limit (99)
        Api.Response overLimit = orders().placeOrder(token, OrderClient.newKey(), body(sku, 100));
        assertThat(overLimit.status()).isEqualTo(422);
        assertThat(overLimit.code()).isEqualTo("QUANTITY_EXCEEDS_LIMIT");
        assertThat(shop.stock(sku)).isEqualTo(100);
    }

    @Test
    void unavailableSkusRegionsAndMixedAgenciesAreRefused() {
        Shop s = shop.shop();
        long product = shop.product(s, "下架的米", false, null);
        long offSale = shop.sku(product, 500, 10);
        shop.offSale(product);
        String token = data.citizen().token();
        assertThat(orders().placeOrder(token, OrderClient.newKey(), body(offSale, 1)).code()).isEqualTo("SKU_UNAVAILABLE");
        assertThat(orders().placeOrder(token, OrderClient.newKey(), body(999_999_999L, 1)).code()).isEqualTo("SKU_UNAVAILABLE");

        long template = shop.template(s.agencyId(), "FLAT", 800, 0, 0, null, "[\"65\",\"54\"]");
        long remote = shop.sku(shop.product(s, "土鸡蛋", true, template), 3000, 10);
        Api.Response tibet = orders().placeOrder(token, OrderClient.newKey(), body(List.of(Map.of("skuId", remote, "quantity", 1)), "54"));
        assertThat(tibet.status()).isEqualTo(422);
        assertThat(tibet.code()).isEqualTo("REGION_NOT_SERVED");

        long other = shop.simpleSku(shop.shop(), 100, 10);
        long mine = shop.simpleSku(s, 100, 10);
        Api.Response mixed = orders().placeOrder(token, OrderClient.newKey(), body(List.of(
                Map.of("skuId", mine, "quantity", 1), Map.of("skuId", other, "quantity", 1)), "44"));
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(mixed.code()).isEqualTo("MULTIPLE_AGENCIES");
        Api.Response duplicate = orders().placeOrder(token, OrderClient.newKey(), body(List.of(
                Map.of("skuId", mine, "quantity", 1), Map.of("skuId", mine, "quantity", 2)), "44"));
        assertThat(duplicate.code()).isEqualTo("DUPLICATE_SKU");
        assertThat(api().post("/api/v1/orders/quote", token, body(List.of(Map.of("skuId", mine, "quantity", 1)), "99")).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(shop.stock(mine)).isEqualTo(10);
        assertThat(shop.stock(other)).isEqualTo(10);
    }

    @Test
    void theIdempotencyKeyMakesARetryReturnTheSameOrderWithoutReservingAgain() {
        long sku = shop.simpleSku(shop.shop(), 1500, 20);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        Api.Response first = orders().placeOrder(buyer.token(), key, body(sku, 2));
        Api.Response replay = orders().placeOrder(buyer.token(), key, body(sku, 2));
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(shop.stock(sku)).isEqualTo(18);
        assertThat(shop.redisStock(sku)).isEqualTo(18);

        Api.Response otherBody = orders().placeOrder(buyer.token(), key, body(sku, 3));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // keys are per buyer: another buyer may use the same one
        assertThat(orders().placeOrder(data.citizen().token(), key, body(sku, 1)).status()).isEqualTo(201);

        assertThat(orders().placeOrder(buyer.token(), null, body(sku, 1)).code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(orders().placeOrder(buyer.token(), "short", body(sku, 1)).code()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
        assertThat(orders().placeOrder(buyer.token(), "bad key with spaces", body(sku, 1)).code())
                .isEqualTo("IDEMPOTENCY_KEY_INVALID");
        assertThat(shop.stock(sku)).isEqualTo(17);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneOrder() {
        long sku = shop.simpleSku(shop.shop(), 1500, 50);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        List<Api.Response> responses = Parallel.run(java.util.Collections.nCopies(8,
                () -> orders().placeOrder(buyer.token(), key, body(sku, 1))));
        assertThat(responses).extracting(Api.Response::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.json().path("id").asLong()).containsOnly(responses.get(0).json().path("id").asLong());
        shop.assertStockSettled(sku, 49);
    }

    @Test
    void eachLineSnapshotsTheIncomeRuleAndTheOrderCarriesItsAttribution() {
        Shop s = shop.shop();
        long household = shop.household(s.villageId());
        long own = shop.sku(shop.product(s, "农户自产蜂蜜", false, null), 8800, 10, 10, 500, household);
        long pooled = shop.sku(shop.product(s, "合作社大米", false, null), 5000, 10);
        long h1 = shop.household(s.villageId());
        long h2 = shop.household(s.villageId());
        // the later-received lot is registered first: FIFO goes by received date, not by id
        long lot2 = shop.lot(pooled, h2, 8, null, 2500, LocalDate.now().minusDays(1));
        long lot1 = shop.lot(pooled, h1, 5, 3000L, null, LocalDate.now().minusDays(3));
        Map<String, Object> body = body(List.of(Map.of("skuId", own, "quantity", 1), Map.of("skuId", pooled, "quantity", 2)), "44");
        body.put("attribution", Map.of("campaignCode", "CCB-2026_spring", "liveSessionId", 77, "streamerId", 8));
        Api.Response placed = orders().placeOrder(data.citizen().token(), OrderClient.newKey(), body);
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.json().path("attribution").path("campaignCode").asString()).isEqualTo("CCB-2026_spring");
        assertThat(placed.json().path("attribution").path("liveSessionId").asLong()).isEqualTo(77);

        JsonNode seenByStaff = api().get("/api/v1/agency/orders/" + placed.json().path("id").asLong(), s.staff().token()).json();
        JsonNode ownLine = line(seenByStaff, own);
        JsonNode pooledLine = line(seenByStaff, pooled);
        assertThat(ownLine.path("householdId").asLong()).isEqualTo(household);
        assertThat(ownLine.has("incomeLots")).isFalse();
        assertThat(pooledLine.has("householdId")).isFalse();
        JsonNode lots = pooledLine.path("incomeLots");
        assertThat(lots).hasSize(2);
        assertThat(lots.get(0).path("lotId").asLong()).isEqualTo(lot1);
        assertThat(lots.get(0).path("householdId").asLong()).isEqualTo(h1);
        assertThat(lots.get(0).path("purchasePriceFen").asLong()).isEqualTo(3000);
        assertThat(lots.get(0).has("incomeShareBp")).isFalse();
        assertThat(lots.get(0).path("unitsAvailable").asInt()).isEqualTo(5);
        assertThat(lots.get(1).path("lotId").asLong()).isEqualTo(lot2);
        assertThat(lots.get(1).path("incomeShareBp").asInt()).isEqualTo(2500);

        Map<String, Object> badAttribution = body(own, 1);
        badAttribution.put("attribution", Map.of("campaignCode", "含中文", "liveSessionId", -1));
        Api.Response refused = orders().placeOrder(data.citizen().token(), OrderClient.newKey(), badAttribution);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void buyersSeeOnlyTheirOwnOrdersAndStaffOnlyTheirAgencys() {
        Shop s = shop.shop();
        long sku = shop.simpleSku(s, 1000, 10);
        TestData.Login buyer = data.citizen();
        long id = orders().placeOrder(buyer.token(), OrderClient.newKey(), body(sku, 1)).json().path("id").asLong();

        TestData.Login stranger = data.citizen();
        assertThat(api().get("/api/v1/orders/" + id, stranger.token()).code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(api().post("/api/v1/orders/" + id + "/cancel", stranger.token(), "").code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(api().post("/api/v1/orders/" + id + "/confirm-receipt", stranger.token(), "").code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(api().post("/api/v1/orders/" + id + "/payments/alipay", stranger.token(), Map.of("channel", "QR")).code())
                .isEqualTo("ORDER_NOT_FOUND");
        assertThat(api().get("/api/v1/orders", stranger.token()).json().path("total").asLong()).isZero();
        assertThat(api().get("/api/v1/orders", buyer.token()).json().path("items").get(0).path("id").asLong()).isEqualTo(id);

        Shop otherAgency = shop.shop();
        assertThat(api().get("/api/v1/agency/orders/" + id, otherAgency.staff().token()).code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(api().post("/api/v1/agency/orders/" + id + "/ship", otherAgency.staff().token(),
                Map.of("carrier", "顺丰", "trackingNo", "SF1234567890")).code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(api().get("/api/v1/agency/orders", otherAgency.staff().token()).json().path("items").toString())
                .doesNotContain("\"id\":" + id + ",");
        // staff of an agency that aids this one under a 牵手 pairing may read, not ship
        data.pairing(otherAgency.agencyId(), s.agencyId());
        assertThat(api().get("/api/v1/agency/orders/" + id, otherAgency.staff().token()).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/agency/orders/" + id + "/ship", otherAgency.staff().token(),
                Map.of("carrier", "顺丰", "trackingNo", "SF1234567890")).code()).isEqualTo("READ_ONLY_SCOPE");

        JsonNode list = api().get("/api/v1/agency/orders?villageId=" + s.villageId(), s.staff().token()).json();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("id").asLong()).isEqualTo(id);
        // buyers cannot use the agency endpoints, staff cannot buy
        assertThat(api().get("/api/v1/agency/orders/" + id, buyer.token()).status()).isEqualTo(403);
        assertThat(orders().placeOrder(s.staff().token(), OrderClient.newKey(), body(sku, 1)).status()).isEqualTo(403);
    }

    @Test
    void cancellingReleasesTheStockOnceAndIllegalTransitionsAre409() {
        Shop s = shop.shop();
        long sku = shop.simpleSku(s, 1000, 10);
        TestData.Login buyer = data.citizen();
        JsonNode order = orders().placeOrder(buyer.token(), OrderClient.newKey(), body(sku, 4)).json();
        long id = order.path("id").asLong();
        assertThat(shop.stock(sku)).isEqualTo(6);

        Api.Response ship = api().post("/api/v1/agency/orders/" + id + "/ship", s.staff().token(),
                Map.of("carrier", "顺丰", "trackingNo", "SF1234567890"));
        assertThat(ship.status()).isEqualTo(409);
        assertThat(ship.code()).isEqualTo("ORDER_STATE_CONFLICT");
        assertThat(api().post("/api/v1/orders/" + id + "/confirm-receipt", buyer.token(), "").code())
                .isEqualTo("ORDER_STATE_CONFLICT");

        Api.Response cancelled = api().post("/api/v1/orders/" + id + "/cancel", buyer.token(), "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(cancelled.json().path("closeReason").asString()).isEqualTo("CANCELLED");
        assertThat(shop.stock(sku)).isEqualTo(10);
        assertThat(shop.redisStock(sku)).isEqualTo(10);

        Api.Response again = api().post("/api/v1/orders/" + id + "/cancel", buyer.token(), "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ORDER_STATE_CONFLICT");
        assertThat(shop.stock(sku)).isEqualTo(10);
        assertThat(shop.events("ORDER_CLOSED", id)).isEqualTo(1);
    }

    @Test
    void unpaidOrdersCloseAfterTheirTimeoutEvenIfTheServerWasDownThen() {
        long sku = shop.simpleSku(shop.shop(), 1000, 10);
        TestData.Login buyer = data.citizen();
        long id = orders().placeOrder(buyer.token(), OrderClient.newKey(), body(sku, 3)).json().path("id").asLong();
        long fresh = orders().placeOrder(buyer.token(), OrderClient.newKey(), body(sku, 1)).json().path("id").asLong();
        assertThat(shop.stock(sku)).isEqualTo(6);
        // expired two hours ago, while no sweeper ran: the next run (as at start-up) still finds it in the database
        shop.expire(id, Instant.now().minus(Duration.ofHours(2)));
        sweeper.sweep();
        assertThat(shop.orderStatus(id)).isEqualTo("CLOSED");
        assertThat(shop.orderStatus(fresh)).isEqualTo("CREATED");
        assertThat(api().get("/api/v1/orders/" + id, buyer.token()).json().path("closeReason").asString()).isEqualTo("TIMEOUT");
        assertThat(shop.stock(sku)).isEqualTo(9);
        assertThat(shop.redisStock(sku)).isEqualTo(9);
        sweeper.sweep();
        assertThat(shop.stock(sku)).isEqualTo(9);
        assertThat(shop.events("ORDER_CLOSED", id)).isEqualTo(1);
    }

    private static JsonNode line(JsonNode order, long skuId) {
        for (JsonNode line : order.path("lines")) {
            if (line.path("skuId").asLong() == skuId) {
                return line;
            }
        }
        throw new AssertionError("no line for SKU " + skuId);
    }
}
