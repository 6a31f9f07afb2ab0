package cn.zhunong.mall.cart;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.OrderTestData.Shop;
import cn.zhunong.mall.support.TestData;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class CartApiTest extends ApiTest {

    @Autowired
    OrderTestData shop;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCartShowsCurrentPricesGroupedByAgency() {
        Shop a = shop.shop();
        Shop b = shop.shop();
        long skuA = shop.simpleSku(a, 1000, 10);
        long skuA2 = shop.simpleSku(a, 250, 10);
        long skuB = shop.simpleSku(b, 3000, 10);
        TestData.Login buyer = data.citizen();
        api().put("/api/v1/cart/items/" + skuA, buyer.token(), Map.of("quantity", 2));
        api().put("/api/v1/cart/items/" + skuA2, buyer.token(), Map.of("quantity", 4));
        Api.Response cart = api().put("/api/v1/cart/items/" + skuB, buyer.token(), Map.of("quantity", 1));
        assertThat(cart.status()).isEqualTo(200);
        assertThat(cart.json().path("groups")).hasSize(2);
        assertThat(cart.json().path("totalGoodsFen").asLong()).isEqualTo(2000 + 1000 + 3000);

        // the price changes in the catalog: the cart follows, it never keeps a price
        jdbc.update("UPDATE sku SET price_fen = 1100 WHERE id = ?", skuA);
        JsonNode now = api().get("/api/v1/cart", buyer.token()).json();
        assertThat(now.path("totalGoodsFen").asLong()).isEqualTo(2200 + 1000 + 3000);
        JsonNode groupA = group(now, a.agencyId());
        assertThat(groupA.path("lines")).hasSize(2);
        assertThat(groupA.path("goodsFen").asLong()).isEqualTo(3200);

        assertThat(api().delete("/api/v1/cart/items/" + skuB, buyer.token()).json().path("groups")).hasSize(1);
        // another buyer's cart is their own
        assertThat(api().get("/api/v1/cart", data.citizen().token()).json().path("groups")).isEmpty();
        assertThat(api().delete("/api/v1/cart", buyer.token()).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/cart", buyer.token()).json().path("groups")).isEmpty();
    }

    @Test
    void quantitiesPricesAndUnknownSkusAreValidated() {
        long sku = shop.simpleSku(shop.shop(), 1000, 10);
        String token = data.citizen().token();
        for (Object quantity : new Object[] {0, -3, 10_000, "many"}) {
            assertThat(api().put("/api/v1/cart/items/" + sku, token, Map.of("quantity", quantity)).status())
                    .as("quantity %s", quantity).isEqualTo(400);
        }
        assertThat(api().put("/api/v1/cart/items/" + sku, token, Map.of("quantity", 1, "priceFen", 1)).code())
                .isEqualTo("UNKNOWN_FIELD");
        assertThat(api().put("/api/v1/cart/items/" + sku, token, Map.of("quantity", 100)).code())
                .isEqualTo("QUANTITY_EXCEEDS_LIMIT");
        assertThat(api().put("/api/v1/cart/items/987654321", token, Map.of("quantity", 1)).code()).isEqualTo("SKU_UNAVAILABLE");
        assertThat(api().get("/api/v1/cart", data.staff(data.agency("机构" + TestData.next())).token()).status()).isEqualTo(403);
    }

    @Test
    void orderingFromTheCartRemovesTheOrderedItems() {
        Shop a = shop.shop();
        long sku = shop.simpleSku(a, 1000, 10);
        long kept = shop.simpleSku(a, 500, 10);
        TestData.Login buyer = data.citizen();
        api().put("/api/v1/cart/items/" + sku, buyer.token(), Map.of("quantity", 2));
        api().put("/api/v1/cart/items/" + kept, buyer.token(), Map.of("quantity", 1));
        Map<String, Object> body = cn.zhunong.mall.support.OrderClient.body(sku, 2);
        body.put("removeFromCart", true);
        assertThat(new cn.zhunong.mall.support.OrderClient(port)
                .placeOrder(buyer.token(), cn.zhunong.mall.support.OrderClient.newKey(), body).status()).isEqualTo(201);
        JsonNode cart = api().get("/api/v1/cart", buyer.token()).json();
        assertThat(cart.path("groups").get(0).path("lines")).hasSize(1);
        assertThat(cart.path("groups").get(0).path("lines").get(0).path("skuId").asLong()).isEqualTo(kept);
    }

    private static JsonNode group(JsonNode cart, long agencyId) {
        for (JsonNode group : cart.path("groups")) {
            if (group.path("agencyId").asLong() == agencyId) {
                return group;
            }
        }
        throw new AssertionError("no group for agency " + agencyId);
    }
}
