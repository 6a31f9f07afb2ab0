package cn.zhunong.mall.catalog.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.catalog.CatalogFixtures;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The public product detail: SKUs, certifications, village, and the households it helps (consented aliases only). */
class StorefrontDetailApiTest extends ApiTest {

    private static final LocalDate TODAY = CatalogFixtures.TODAY;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void detailShowsOnlyConsentingHouseholdsByTheirPublicAlias() {
        CatalogFixtures fx = new CatalogFixtures(jdbc, api());
        long agency = data.agency("社工站" + TestData.next());
        String staff = data.staff(agency).token();
        long village = fx.village(agency, "岜沙村", CatalogFixtures.countyCode(), "从江县", "丙妹镇");
        jdbc.update("INSERT INTO village_flag (village_id, flag, effective_from, effective_to, created_at) VALUES "
                + "(?, 'KEY_ASSISTANCE_COUNTY', ?, NULL, NOW(3)), (?, 'COUNTY_832', ?, ?, NOW(3))",
                village, TODAY.minusYears(2), village, TODAY.minusYears(5), TODAY.minusYears(1));

        long consenting = fx.household(village, "滚老岩", true, "岜沙村 滚**");
        long wholeSku = fx.household(village, "贾金花", true, "岜沙村 贾**");
        long refused = fx.household(village, "王秘密", false, "岜沙村 王**");   // an alias but no consent
        long noAlias = fx.household(village, "石无名", true, null);
        long disabledOnly = fx.household(village, "杨停用", true, "岜沙村 杨**");

        long id = fx.createProduct(staff, CatalogFixtures.product(village, "岜沙香禾糯"));
        long sku = fx.createSku(staff, id, CatalogFixtures.sku("一袋 5 斤", 6900, 4));
        Map<String, Object> whole = CatalogFixtures.sku("一袋 10 斤", 12900, 0);
        whole.put("householdId", wholeSku);
        fx.createSku(staff, id, whole);
        Map<String, Object> disabled = CatalogFixtures.sku("旧包装", 5000, 100);
        disabled.put("status", "DISABLED");
        long disabledSku = fx.createSku(staff, id, disabled);
        for (long household : List.of(consenting, refused, noAlias, consenting)) {
            lot(staff, id, sku, household);
        }
        lot(staff, id, disabledSku, disabledOnly);
        api().post("/api/v1/agency/products/" + id + "/certifications", staff, Map.of("type", "POVERTY_ALLEVIATION",
                "number", "FP" + TestData.next(), "issuer", "国务院扶贫办", "validFrom", TODAY.minusYears(1).toString(),
                "validTo", TODAY.plusYears(1).toString()));
        api().post("/api/v1/agency/products/" + id + "/certifications", staff, Map.of("type", "ORGANIC",
                "number", "OG" + TestData.next(), "issuer", "认证中心", "validFrom", TODAY.plusDays(30).toString(),
                "validTo", TODAY.plusYears(1).toString()));

        assertThat(api().get("/api/v1/products/" + id, null).code()).isEqualTo("PRODUCT_NOT_FOUND");   // still a draft
        fx.putOnSale(staff, id);

        Api.Response response = api().get("/api/v1/products/" + id, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode detail = response.json();
        JsonNode helped = detail.path("householdsHelped");
        assertThat(helped.path("publicAliases").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("岜沙村 滚**", "岜沙村 贾**");
        assertThat(helped.path("otherCount").asInt()).isEqualTo(2);
        assertThat(helped.properties()).hasSize(2);
        assertThat(response.body()).doesNotContain("滚老岩", "贾金花", "王秘密", "石无名", "岜沙村 王**", "杨停用", "岜沙村 杨**",
                "5201**", "householdId", "\"lots\"");

        assertThat(detail.path("name").asString()).isEqualTo("岜沙香禾糯");
        assertThat(detail.path("perishable").asBoolean()).isTrue();
        assertThat(detail.path("sevenDayNoReasonReturn").asBoolean()).isFalse();
        JsonNode v = detail.path("village");
        assertThat(v.path("name").asString()).isEqualTo("岜沙村");
        assertThat(v.path("countyName").asString()).isEqualTo("从江县");
        assertThat(v.path("flags").valueStream().map(JsonNode::asString)).containsExactly("KEY_ASSISTANCE_COUNTY");
        assertThat(detail.path("skus")).hasSize(2);                         // the disabled SKU is not shown
        JsonNode cheapest = detail.path("skus").get(0);
        assertThat(cheapest.path("priceFen").asLong()).isEqualTo(6900);
        assertThat(cheapest.path("stockState").asString()).isEqualTo("LOW");
        assertThat(cheapest.path("unitLabel").asString()).isEqualTo("箱");
        assertThat(detail.path("skus").get(1).path("stockState").asString()).isEqualTo("SOLD_OUT");
        assertThat(detail.path("certifications")).hasSize(1);               // the not-yet-valid one is not claimed
        assertThat(detail.path("certifications").get(0).path("typeLabel").asString()).isEqualTo("扶贫产品认定");
        assertThat(detail.path("minPriceFen").asLong()).isEqualTo(6900);
    }

    private void lot(String staff, long productId, long skuId, long household) {
        Map<String, Object> body = new HashMap<>();
        body.put("householdId", household);
        body.put("unitsSupplied", 20);
        body.put("incomeShareBp", 2000);
        body.put("receivedOn", TODAY.toString());
        Api.Response response = api().post("/api/v1/agency/products/" + productId + "/skus/" + skuId + "/lots", staff, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void categoriesTagsAndDetailsNeedNoLoginButUnknownProductsAreNotFound() {
        assertThat(api().get("/api/v1/categories", null).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/campaign-tags", null).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/products", null).status()).isEqualTo(200);
        Api.Response missing = api().get("/api/v1/products/999999999", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(api().get("/api/v1/products/abc", null).status()).isEqualTo(400);
        // writes are not public
        assertThat(api().post("/api/v1/products", null, Map.of()).status()).isEqualTo(401);
    }
}
