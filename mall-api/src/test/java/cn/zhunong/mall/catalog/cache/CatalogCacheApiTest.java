package cn.zhunong.mall.catalog.cache;

import static cn.zhunong.mall.catalog.CatalogFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.catalog.CatalogFixtures;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Storefront reads come from Redis until something changes through the application. Changing a row
 * directly in the database shows which read was served from the cache.
 */
class CatalogCacheApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RegistryChangeSync registrySync;

    CatalogFixtures fx;
    long agency;
    long village;
    String staff;

    @BeforeEach
    void setUp() {
        fx = new CatalogFixtures(jdbc, api());
        agency = data.agency("缓存机构" + TestData.next());
        village = fx.village(agency, "缓存村" + TestData.next());
        staff = data.staff(agency).token();
    }

    private String name(long id) {
        Api.Response detail = api().get("/api/v1/products/" + id, null);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        return detail.json().path("name").asString();
    }

    @Test
    void aDetailIsServedFromTheCacheUntilTheProductChanges() {
        long id = fx.onSaleProduct(staff, village, "古树红茶", 9900);
        assertThat(name(id)).isEqualTo("古树红茶");
        assertThat(redis.hasKey("catalog:product:" + id)).isTrue();

        jdbc.update("UPDATE product SET name = '被直接改掉的名字' WHERE id = ?", id);
        assertThat(name(id)).isEqualTo("古树红茶");                              // second read: from the cache

        assertThat(api().put("/api/v1/agency/products/" + id, staff, CatalogFixtures.product(village, "古树红茶 一级"))
                .status()).isEqualTo(200);
        assertThat(name(id)).isEqualTo("古树红茶 一级");                          // visible at once after the change
    }

    @Test
    void skuStockAndStatusChangesInvalidateTheDetail() {
        long id = fx.onSaleProduct(staff, village, "山茶油", 16800);
        long skuId = api().get("/api/v1/agency/products/" + id + "/skus", staff).json().get(0).path("id").asLong();
        assertThat(api().get("/api/v1/products/" + id, null).json().path("skus").get(0).path("stock").asInt()).isEqualTo(50);

        api().post("/api/v1/agency/products/" + id + "/skus/" + skuId + "/stock-adjustments", staff, Map.of("delta", -45));
        assertThat(api().get("/api/v1/products/" + id, null).json().path("skus").get(0).path("stockState").asString())
                .isEqualTo("LOW");

        api().put("/api/v1/agency/products/" + id + "/status", staff, Map.of("status", "OFF_SALE"));
        assertThat(api().get("/api/v1/products/" + id, null).status()).isEqualTo(404);
        assertThat(redis.hasKey("catalog:product:" + id)).isFalse();
    }

    @Test
    void listPagesAreCachedUnderAVersionThatEveryChangeBumps() {
        long cheap = fx.onSaleProduct(staff, village, "荔枝干", 3000);
        long dear = fx.onSaleProduct(staff, village, "桂圆干", 5000);
        String list = "/api/v1/products?sort=price_asc&villageId=" + village;
        assertThat(ids(api().get(list, null))).containsExactly(cheap, dear);

        jdbc.update("UPDATE product SET min_price_fen = 9000 WHERE id = ?", cheap);
        assertThat(ids(api().get(list, null))).containsExactly(cheap, dear);             // from the cache

        long skuId = api().get("/api/v1/agency/products/" + cheap + "/skus", staff).json().get(0).path("id").asLong();
        Map<String, Object> dearer = CatalogFixtures.sku("一箱 10 斤", 7000, 0);
        dearer.remove("stock");
        assertThat(api().put("/api/v1/agency/products/" + cheap + "/skus/" + skuId, staff, dearer).status()).isEqualTo(200);
        assertThat(ids(api().get(list, null))).containsExactly(dear, cheap);             // re-read after the change
    }

    @Test
    void villageChangesThroughTheRegistryReachListingsAtOnce() {
        long id = fx.onSaleProduct(staff, village, "土鸡蛋", 4500);
        assertThat(api().get("/api/v1/products/" + id, null).json().path("village").path("name").asString())
                .startsWith("缓存村");
        String renamed = "彩虹村" + TestData.next();
        Api.Response update = api().put("/api/v1/villages/" + village, staff, Map.of("agencyId", agency, "name", renamed,
                "divisionCode", jdbc.queryForObject("SELECT division_code FROM village WHERE id = ?", String.class, village),
                "countyCode", jdbc.queryForObject("SELECT county_code FROM village WHERE id = ?", String.class, village),
                "countyName", "测试县"));
        assertThat(update.status()).as(update.toString()).isEqualTo(200);

        assertThat(api().get("/api/v1/products/" + id, null).json().path("village").path("name").asString())
                .isEqualTo(renamed);
        assertThat(ids(api().get("/api/v1/products?q=" + java.net.URLEncoder.encode(renamed, java.nio.charset.StandardCharsets.UTF_8), null)))
                .containsExactly(id);
    }

    @Test
    void aHouseholdWithdrawingConsentDisappearsFromTheDetail() {
        long household = fx.household(village, "蒙大姐", true, "缓存村 蒙**");
        long id = fx.createProduct(staff, CatalogFixtures.product(village, "手工糍粑"));
        Map<String, Object> sku = CatalogFixtures.sku("一袋", 2000, 10);
        sku.put("householdId", household);
        fx.createSku(staff, id, sku);
        fx.putOnSale(staff, id);
        assertThat(api().get("/api/v1/products/" + id, null).body()).contains("缓存村 蒙**");

        jdbc.update("UPDATE household SET consent_public = 0 WHERE id = ?", household);
        registrySync.householdChanged(household);      // what a successful write to /api/v1/households/{id} triggers
        Api.Response after = api().get("/api/v1/products/" + id, null);
        assertThat(after.body()).doesNotContain("蒙**");
        assertThat(after.json().path("householdsHelped").path("otherCount").asInt()).isEqualTo(1);
    }
}
