package cn.zhunong.mall.order;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.OrderTestData.Shop;
import cn.zhunong.mall.support.TestData;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Checkout prices from offers kept in the JVM ({@link CheckoutOffers}); a catalog change must still
 * reach the very next order, whether it was made through this instance or another one.
 */
class CheckoutOffersApiTest extends ApiTest {

    @Autowired
    OrderTestData shop;

    @Autowired
    JdbcTemplate jdbc;

    private Api.Response order(String token, long sku, int quantity) {
        return new OrderClient(port).placeOrder(token, OrderClient.newKey(), body(sku, quantity));
    }

    @Test
    void aPriceChangedThroughTheCatalogIsChargedOnTheVeryNextOrder() {
        Shop s = shop.shop();
        long product = shop.product(s, "紫皮大蒜" + TestData.next(), false, null);
        long sku = shop.sku(product, 1000, 100);
        String buyer = data.citizen().token();
        assertThat(order(buyer, sku, 1).json().path("goodsFen").asLong()).isEqualTo(1000);

        Map<String, Object> update = new HashMap<>();
        update.put("spec", "5斤装");
        update.put("unit", "BOX");
        update.put("weightGrams", 500);
        update.put("priceFen", 1250L);
        Api.Response changed = api().put("/api/v1/agency/products/" + product + "/skus/" + sku, s.staff().token(), update);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        JsonNode next = order(buyer, sku, 2).json();
        assertThat(next.path("goodsFen").asLong()).isEqualTo(2500);
        assertThat(next.path("lines").get(0).path("unitPriceFen").asLong()).isEqualTo(1250);
    }

    @Test
    void aChangeAnnouncedByAnotherInstanceRepricesTheOrderAfterItsReservation() {
        Shop s = shop.shop();
        long sku = shop.simpleSku(s, 2000, 50);
        String buyer = data.citizen().token();
        assertThat(order(buyer, sku, 1).json().path("goodsFen").asLong()).isEqualTo(2000);

        // another instance changes the price and bumps the version; this JVM's copy is now out of date
        jdbc.update("UPDATE sku SET price_fen = 2600 WHERE id = ?", sku);
        shop.catalogChanged();
        Api.Response next = order(buyer, sku, 3);
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.json().path("goodsFen").asLong()).isEqualTo(3 * 2600);
        assertThat(jdbc.queryForObject("SELECT goods_fen FROM orders WHERE id = ?", Long.class, next.json().path("id").asLong()))
                .isEqualTo(3 * 2600);
        shop.assertStockSettled(sku, 46);
    }

    @Test
    void aSkuTakenOffSaleMeanwhileIsRefusedAndItsReservationGivenBack() {
        Shop s = shop.shop();
        long product = shop.product(s, "糯玉米" + TestData.next(), false, null);
        long sku = shop.sku(product, 800, 20);
        String buyer = data.citizen().token();
        assertThat(order(buyer, sku, 1).status()).isEqualTo(201);

        shop.offSale(product);
        Api.Response refused = order(buyer, sku, 2);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("SKU_UNAVAILABLE");
        shop.assertStockSettled(sku, 19);
    }

    @Test
    void aNewSourceLotIsSnapshottedOnTheNextOrder() {
        Shop s = shop.shop();
        long sku = shop.simpleSku(s, 1500, 30);
        String buyer = data.citizen().token();
        long first = order(buyer, sku, 1).json().path("id").asLong();
        assertThat(incomeLots(first)).doesNotContain("lotId");

        long household = shop.household(s.villageId());
        long lot = shop.lot(sku, household, 10, 900L, null, LocalDate.now());
        long second = order(buyer, sku, 1).json().path("id").asLong();
        assertThat(incomeLots(second)).contains("\"lotId\":" + lot);
    }

    private String incomeLots(long orderId) {
        return jdbc.queryForObject("SELECT income_lots FROM order_line WHERE order_id = ?", String.class, orderId);
    }
}
