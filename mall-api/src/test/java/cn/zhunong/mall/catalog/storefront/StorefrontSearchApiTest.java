package cn.zhunong.mall.catalog.storefront;

import static cn.zhunong.mall.catalog.CatalogFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.catalog.CatalogFixtures;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Storefront search in Chinese with filters, sorts and pages. Each test has its own county, so
 * the county filter isolates it from every other test's products.
 */
class StorefrontSearchApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    CatalogFixtures fx;
    String staff;
    String county;
    long yaoshan;
    long dongtou;
    long passionFruit;
    long wampee;
    long pig;
    long honey;
    long draftHoney;

    @BeforeEach
    void setUp() {
        fx = new CatalogFixtures(jdbc, api());
        long agency = data.agency("从江县社工站" + TestData.next());
        staff = data.staff(agency).token();
        county = CatalogFixtures.countyCode();
        yaoshan = fx.village(agency, "瑶山村", county, "从江县", "加勉乡");
        dongtou = fx.village(agency, "洞头村", county, "从江县", "停洞镇");
        passionFruit = fx.onSaleProduct(staff, yaoshan, "紫香百香果 5斤装", 3990);
        wampee = fx.onSaleProduct(staff, dongtou, "鸡心黄皮 3斤", 2990);
        pig = fx.onSaleProduct(staff, dongtou, "从江香猪 腊肉 500g", 8800);
        honey = fx.onSaleProduct(staff, yaoshan, "野生土蜂蜜", 12800);
        draftHoney = fx.createProduct(staff, CatalogFixtures.product(yaoshan, "土蜂蜜礼盒"));
        jdbc.update("UPDATE product SET sales_units = CASE id WHEN ? THEN 500 WHEN ? THEN 80 WHEN ? THEN 300 ELSE 10 END "
                + "WHERE id IN (?, ?, ?, ?)", passionFruit, wampee, pig, passionFruit, wampee, pig, honey);
    }

    private Api.Response search(String query) {
        return api().get("/api/v1/products?countyCode=" + county + query, null);
    }

    private static String q(String text) {
        return "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void chineseQueriesFindProductsByNameVillageAndCounty() {
        assertThat(ids(search(q("百香果")))).containsExactly(passionFruit);
        assertThat(ids(search(q("黄皮")))).containsExactly(wampee);
        assertThat(ids(search(q("从江 香猪")))).containsExactly(pig);
        assertThat(ids(search(q("瑶山 土蜂蜜")))).containsExactly(honey);           // the draft is never shown
        assertThat(ids(search(q("瑶山")))).containsExactlyInAnyOrder(passionFruit, honey);
        assertThat(ids(search(q("加勉乡")))).containsExactlyInAnyOrder(passionFruit, honey);
        assertThat(ids(search(q("蜜")))).containsExactly(honey);                    // one character
        assertThat(ids(search(q("香")))).containsExactlyInAnyOrder(passionFruit, pig);
        assertThat(ids(search(q("500G")))).containsExactly(pig);                   // ASCII words, any case
        assertThat(ids(search(q("百果")))).isEmpty();                              // characters must be adjacent
        assertThat(ids(search(q("榴莲")))).isEmpty();
        assertThat(ids(search(q("！！")))).hasSize(4);                             // nothing searchable: no text filter
    }

    @Test
    void theQueryIsMatchedAnywhereInTheCountryWithoutACountyFilterToo() {
        List<Long> found = ids(api().get("/api/v1/products?q=" + URLEncoder.encode("鸡心黄皮", StandardCharsets.UTF_8)
                + "&size=100", null));
        assertThat(found).contains(wampee).doesNotContain(passionFruit, pig, honey);
    }

    @Test
    void filtersByVillagePriceCategoryAndCampaign() {
        String admin = data.admin().token();
        long fruit = api().post("/api/v1/admin/categories", admin, Map.of("name", "水果" + TestData.next()))
                .json().path("id").asLong();
        long tropical = api().post("/api/v1/admin/categories", admin, Map.of("parentId", fruit, "name", "热带水果"))
                .json().path("id").asLong();
        String campaign = "ygdj" + TestData.next();
        api().post("/api/v1/admin/campaign-tags", admin, Map.of("code", campaign, "name", "以购代捐"));
        Map<String, Object> body = CatalogFixtures.product(yaoshan, "紫香百香果 5斤装");
        body.put("categoryId", tropical);
        assertThat(api().put("/api/v1/agency/products/" + passionFruit, staff, body).status()).isEqualTo(200);
        assertThat(api().put("/api/v1/agency/products/" + pig + "/campaign-tags", staff, Map.of("codes", List.of(campaign)))
                .status()).isEqualTo(200);

        assertThat(ids(search("&villageId=" + dongtou))).containsExactlyInAnyOrder(wampee, pig);
        assertThat(ids(search("&minPriceFen=3000&maxPriceFen=9000"))).containsExactlyInAnyOrder(passionFruit, pig);
        assertThat(ids(search("&maxPriceFen=2990"))).containsExactly(wampee);
        assertThat(ids(search("&categoryId=" + tropical))).containsExactly(passionFruit);
        assertThat(ids(search("&categoryId=" + fruit))).containsExactly(passionFruit);       // includes sub-categories
        assertThat(ids(search("&campaign=" + campaign))).containsExactly(pig);
        assertThat(ids(search("&campaign=" + campaign + q("腊肉") + "&villageId=" + dongtou))).containsExactly(pig);
        assertThat(ids(search(q("热带水果")))).containsExactly(passionFruit);                 // category names are searchable
        assertThat(ids(search(q("以购代捐")))).containsExactly(pig);                          // and campaign tag names
        assertThat(ids(api().get("/api/v1/products?countyCode=" + CatalogFixtures.countyCode(), null))).isEmpty();
    }

    @Test
    void sortsBySalesPriceAndNewest() {
        assertThat(ids(search(""))).containsExactly(passionFruit, pig, wampee, honey);       // best-selling first
        assertThat(ids(search("&sort=sales"))).containsExactly(passionFruit, pig, wampee, honey);
        assertThat(ids(search("&sort=price_asc"))).containsExactly(wampee, passionFruit, pig, honey);
        assertThat(ids(search("&sort=price_desc"))).containsExactly(honey, pig, passionFruit, wampee);
        jdbc.update("UPDATE product SET on_sale_at = DATE_ADD(on_sale_at, INTERVAL 1 DAY) WHERE id = ?", wampee);
        assertThat(ids(search("&sort=newest&size=1"))).containsExactly(wampee);
    }

    @Test
    void pagesThroughResults() {
        JsonNode first = search("&sort=price_asc&size=3&page=1").json();
        assertThat(first.path("total").asLong()).isEqualTo(4);
        assertThat(first.path("page").asLong()).isEqualTo(1);
        assertThat(first.path("size").asLong()).isEqualTo(3);
        assertThat(first.path("items").valueStream().map(n -> n.path("id").asLong()).toList())
                .containsExactly(wampee, passionFruit, pig);
        JsonNode card = first.path("items").get(0);
        assertThat(card.path("villageName").asString()).isEqualTo("洞头村");
        assertThat(card.path("countyName").asString()).isEqualTo("从江县");
        assertThat(card.path("minPriceFen").asLong()).isEqualTo(2990);
        assertThat(ids(search("&sort=price_asc&size=3&page=2"))).containsExactly(honey);
        Api.Response beyond = search("&sort=price_asc&size=3&page=5");
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.json().path("total").asLong()).isEqualTo(4);
    }

    @Test
    void badQueriesAreClientErrors() {
        for (String bad : List.of("&sort=cheapest", "&minPriceFen=-1", "&villageId=abc", "&countyCode=12",
                "&campaign=" + URLEncoder.encode("有 空格", StandardCharsets.UTF_8), "&size=101", "&page=0",
                q("很".repeat(51)))) {
            Api.Response response = search(bad);
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(search("&minPriceFen=500&maxPriceFen=100").code()).isEqualTo("INVALID_PRICE_RANGE");
    }
}
