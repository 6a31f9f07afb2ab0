package cn.zhunong.mall.catalog.product;

import static cn.zhunong.mall.catalog.CatalogFixtures.product;
import static cn.zhunong.mall.catalog.CatalogFixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.catalog.CatalogFixtures;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Listing CRUD, who may do what, and the product status machine. */
class ListingApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    CatalogFixtures fx;
    long agency;
    long village;
    String staff;

    @BeforeEach
    void setUp() {
        fx = new CatalogFixtures(jdbc, api());
        agency = data.agency("本机构" + TestData.next());
        village = fx.village(agency, "龙岗村" + TestData.next());
        staff = data.staff(agency).token();
    }

    @Test
    void staffListProduceOfTheirOwnVillages() {
        Map<String, Object> body = product(village, "百香果");
        Api.Response created = api().post("/api/v1/agency/products", staff, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode json = created.json();
        long id = json.path("id").asLong();
        assertThat(json.path("status").asString()).isEqualTo("DRAFT");
        assertThat(json.path("agencyId").asLong()).isEqualTo(agency);
        assertThat(json.path("perishable").asBoolean()).isTrue();
        assertThat(json.path("writable").asBoolean()).isTrue();
        assertThat(json.path("minPriceFen").isNull()).isTrue();

        body.put("name", "紫皮百香果");
        body.put("perishable", false);
        body.remove("subtitle");
        Api.Response updated = api().put("/api/v1/agency/products/" + id, staff, body);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("name").asString()).isEqualTo("紫皮百香果");
        assertThat(updated.json().path("subtitle").isNull()).isTrue();
        assertThat(updated.json().path("perishable").asBoolean()).isFalse();

        Api.Response list = api().get("/api/v1/agency/products?villageId=" + village, staff);
        assertThat(CatalogFixtures.ids(list)).containsExactly(id);
        assertThat(CatalogFixtures.ids(api().get("/api/v1/agency/products?villageId=" + village + "&q=紫皮", staff)))
                .containsExactly(id);
        assertThat(CatalogFixtures.ids(api().get("/api/v1/agency/products?villageId=" + village + "&status=ON_SALE", staff)))
                .isEmpty();
    }

    @Test
    void theOriginVillageCannotChange() {
        long id = fx.createProduct(staff, product(village, "黄皮"));
        long otherOwnVillage = fx.village(agency, "新村" + TestData.next());
        Api.Response moved = api().put("/api/v1/agency/products/" + id, staff, product(otherOwnVillage, "黄皮"));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.code()).isEqualTo("VILLAGE_IMMUTABLE");
    }

    @Test
    void otherAgenciesVillagesAndProductsAreNotFoundAndAidedOnesReadOnly() {
        long other = data.agency("他机构" + TestData.next());
        long otherVillage = fx.village(other, "他村" + TestData.next());
        String otherStaff = data.staff(other).token();
        long aiding = data.agency("帮扶方" + TestData.next());
        data.pairing(aiding, agency);
        String aidingStaff = data.staff(aiding).token();

        Api.Response intoOther = api().post("/api/v1/agency/products", staff, product(otherVillage, "他村的货"));
        assertThat(intoOther.status()).isEqualTo(404);
        assertThat(intoOther.code()).isEqualTo("VILLAGE_NOT_FOUND");
        Api.Response intoAided = api().post("/api/v1/agency/products", aidingStaff, product(village, "帮扶方代发"));
        assertThat(intoAided.status()).isEqualTo(403);
        assertThat(intoAided.code()).isEqualTo("READ_ONLY_SCOPE");

        long id = fx.createProduct(staff, product(village, "土蜂蜜"));
        long skuId = fx.createSku(staff, id, sku("一瓶 500g", 6800, 20));
        long household = fx.household(village, "盘金花", true, "龙岗村 盘**");
        Api.Response lot = api().post("/api/v1/agency/products/" + id + "/skus/" + skuId + "/lots", staff,
                Map.of("householdId", household, "unitsSupplied", 10, "purchasePriceFen", 3000,
                        "receivedOn", CatalogFixtures.TODAY.toString()));
        assertThat(lot.status()).as(lot.toString()).isEqualTo(201);
        long lotId = lot.json().path("id").asLong();
        Api.Response cert = api().post("/api/v1/agency/products/" + id + "/certifications", staff, certification());
        assertThat(cert.status()).as(cert.toString()).isEqualTo(201);
        long certId = cert.json().path("id").asLong();
        String base = "/api/v1/agency/products/" + id;

        // every read and write of another agency's product: not found
        assertThat(api().get(base, otherStaff).code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(api().get(base + "/skus", otherStaff).code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(api().get(base + "/certifications", otherStaff).code()).isEqualTo("PRODUCT_NOT_FOUND");
        for (Api.Response write : writes(otherStaff, base, village, skuId, lotId, certId)) {
            assertThat(write.status()).as(write.toString()).isEqualTo(404);
            assertThat(write.code()).isEqualTo("PRODUCT_NOT_FOUND");
        }
        assertThat(CatalogFixtures.ids(api().get("/api/v1/agency/products?villageId=" + village, otherStaff))).isEmpty();

        // the aiding agency may look, but every write is refused
        Api.Response read = api().get(base, aidingStaff);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("writable").asBoolean()).isFalse();
        assertThat(read.json().path("skus").get(0).path("lots").get(0).path("householdId").asLong()).isEqualTo(household);
        assertThat(CatalogFixtures.ids(api().get("/api/v1/agency/products?villageId=" + village, aidingStaff)))
                .containsExactly(id);
        for (Api.Response write : writes(aidingStaff, base, village, skuId, lotId, certId)) {
            assertThat(write.status()).as(write.toString()).isEqualTo(403);
            assertThat(write.code()).isEqualTo("READ_ONLY_SCOPE");
        }

        // nothing was changed by any of those attempts
        JsonNode after = api().get(base, staff).json();
        assertThat(after.path("name").asString()).isEqualTo("土蜂蜜");
        assertThat(after.path("status").asString()).isEqualTo("DRAFT");
        assertThat(after.path("skus").get(0).path("stock").asInt()).isEqualTo(20);
        assertThat(after.path("skus").get(0).path("lots")).hasSize(1);
        assertThat(after.path("certifications")).hasSize(1);
    }

    /** One attempt at each write endpoint of a product. */
    private List<Api.Response> writes(String token, String base, long villageId, long skuId, long lotId, long certId) {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
        return List.of(
                api().put(base, token, product(villageId, "改名")),
                api().put(base + "/status", token, Map.of("status", "ON_SALE")),
                api().put(base + "/campaign-tags", token, Map.of("codes", List.of())),
                api().post(base + "/skus", token, sku("新规格", 100, 1)),
                api().put(base + "/skus/" + skuId, token, skuUpdate()),
                api().post(base + "/skus/" + skuId + "/stock-adjustments", token, Map.of("delta", -5)),
                api().post(base + "/skus/" + skuId + "/lots", token, Map.of("householdId", 1, "unitsSupplied", 1,
                        "incomeShareBp", 100, "receivedOn", CatalogFixtures.TODAY.toString())),
                api().delete(base + "/skus/" + skuId + "/lots/" + lotId, token),
                api().post(base + "/certifications", token, certification()),
                api().put(base + "/certifications/" + certId, token, certification()),
                api().delete(base + "/certifications/" + certId, token),
                api().upload(base + "/images", token, "a.png", png),
                api().delete(base + "/images/1", token));
    }

    private static Map<String, Object> skuUpdate() {
        Map<String, Object> body = sku("改规格", 100, 0);
        body.remove("stock");
        return body;
    }

    private static Map<String, Object> certification() {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "GEOGRAPHICAL_INDICATION");
        body.put("number", "AGI" + TestData.next());
        body.put("issuer", "农业农村部");
        body.put("validFrom", CatalogFixtures.TODAY.minusYears(1).toString());
        body.put("validTo", CatalogFixtures.TODAY.plusYears(2).toString());
        return body;
    }

    @Test
    void citizensAndHostsMayNotUseAgencyOrAdminEndpoints() {
        long id = fx.createProduct(staff, product(village, "香猪"));
        for (String token : List.of(data.citizen().token(), data.host().token())) {
            assertThat(api().get("/api/v1/agency/products", token).status()).isEqualTo(403);
            assertThat(api().get("/api/v1/agency/products/" + id, token).status()).isEqualTo(403);
            assertThat(api().post("/api/v1/agency/products", token, product(village, "x")).code()).isEqualTo("FORBIDDEN");
            assertThat(api().put("/api/v1/agency/products/" + id + "/status", token, Map.of("status", "ON_SALE")).status())
                    .isEqualTo(403);
            assertThat(api().get("/api/v1/agency/shipping-templates", token).status()).isEqualTo(403);
            assertThat(api().post("/api/v1/admin/categories", token, Map.of("name", "水果")).status()).isEqualTo(403);
            assertThat(api().post("/api/v1/admin/campaign-tags", token, Map.of("code", "abc", "name", "x")).status())
                    .isEqualTo(403);
        }
        assertThat(api().get("/api/v1/agency/products", null).status()).isEqualTo(401);
    }

    @Test
    void statusMovesFollowTheMachineAndNeedAnActiveSku() {
        long id = fx.createProduct(staff, product(village, "红薯粉"));
        String status = "/api/v1/agency/products/" + id + "/status";

        Api.Response offFromDraft = api().put(status, staff, Map.of("status", "OFF_SALE"));
        assertThat(offFromDraft.status()).isEqualTo(409);
        assertThat(offFromDraft.code()).isEqualTo("PRODUCT_STATE_CONFLICT");
        Api.Response noSku = api().put(status, staff, Map.of("status", "ON_SALE"));
        assertThat(noSku.status()).isEqualTo(409);
        assertThat(noSku.code()).isEqualTo("PRODUCT_NO_ACTIVE_SKU");

        long skuId = fx.createSku(staff, id, sku("一箱 10 斤", 5990, 30));
        Api.Response onSale = api().put(status, staff, Map.of("status", "ON_SALE"));
        assertThat(onSale.status()).as(onSale.toString()).isEqualTo(200);
        assertThat(onSale.json().path("status").asString()).isEqualTo("ON_SALE");
        assertThat(onSale.json().path("onSaleAt").isNull()).isFalse();
        assertThat(onSale.json().path("minPriceFen").asLong()).isEqualTo(5990);
        assertThat(api().put(status, staff, Map.of("status", "ON_SALE")).code()).isEqualTo("PRODUCT_STATE_CONFLICT");
        assertThat(api().put(status, staff, Map.of("status", "DRAFT")).code()).isEqualTo("PRODUCT_STATE_CONFLICT");

        // the last active SKU of an on-sale product cannot be disabled
        Map<String, Object> disable = skuUpdate();
        disable.put("status", "DISABLED");
        Api.Response lastSku = api().put("/api/v1/agency/products/" + id + "/skus/" + skuId, staff, disable);
        assertThat(lastSku.status()).isEqualTo(409);
        assertThat(lastSku.code()).isEqualTo("LAST_ACTIVE_SKU");

        Api.Response off = api().put(status, staff, Map.of("status", "OFF_SALE"));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().path("status").asString()).isEqualTo("OFF_SALE");
        assertThat(off.json().path("offSaleReason").asString()).isEqualTo("MANUAL");
        assertThat(api().put(status, staff, Map.of("status", "OFF_SALE")).code()).isEqualTo("PRODUCT_STATE_CONFLICT");
        Api.Response again = api().put(status, staff, Map.of("status", "ON_SALE"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("offSaleReason").isNull()).isTrue();

        assertThat(api().put(status, staff, Map.of("status", "SOLD")).status()).isEqualTo(400);
        assertThat(api().put("/api/v1/agency/products/999999999/status", staff, Map.of("status", "ON_SALE")).code())
                .isEqualTo("PRODUCT_NOT_FOUND");
    }

    @Test
    void badProductInputIsRefusedWithProblemJson() {
        Map<String, Object> noName = product(village, " ");
        Api.Response blank = api().post("/api/v1/agency/products", staff, noName);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(blank.body()).contains("\"name\"");

        Map<String, Object> longName = product(village, "果".repeat(61));
        assertThat(api().post("/api/v1/agency/products", staff, longName).code()).isEqualTo("VALIDATION_FAILED");
        Map<String, Object> unknownField = product(village, "果");
        unknownField.put("price", 1);
        assertThat(api().post("/api/v1/agency/products", staff, unknownField).code()).isEqualTo("UNKNOWN_FIELD");
        Map<String, Object> badCategory = product(village, "果");
        badCategory.put("categoryId", 999_999_999L);
        assertThat(api().post("/api/v1/agency/products", staff, badCategory).code()).isEqualTo("UNKNOWN_CATEGORY");
        Map<String, Object> badTemplate = product(village, "果");
        badTemplate.put("shippingTemplateId", 999_999_999L);
        assertThat(api().post("/api/v1/agency/products", staff, badTemplate).code()).isEqualTo("UNKNOWN_SHIPPING_TEMPLATE");
        assertThat(api().raw("POST", "/api/v1/agency/products", staff, "application/json", "{".getBytes()).code())
                .isEqualTo("MALFORMED_BODY");
        assertThat(api().get("/api/v1/agency/products?status=BOGUS", staff).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/agency/products/abc", staff).status()).isEqualTo(400);
    }

    @Test
    void campaignTagsAreSetAsACompleteSet() {
        String admin = data.admin().token();
        String code1 = "ygdj" + TestData.next();
        String code2 = "ccb" + TestData.next();
        assertThat(api().post("/api/v1/admin/campaign-tags", admin, Map.of("code", code1, "name", "以购代捐")).status())
                .isEqualTo(201);
        assertThat(api().post("/api/v1/admin/campaign-tags", admin, Map.of("code", code2, "name", "村村播 家家富")).status())
                .isEqualTo(201);
        long id = fx.createProduct(staff, product(village, "腊肉"));
        String tags = "/api/v1/agency/products/" + id + "/campaign-tags";

        Api.Response set = api().put(tags, staff, Map.of("codes", List.of(code1, code2)));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("campaignTags").valueStream().map(t -> t.path("code").asString()))
                .containsExactlyInAnyOrder(code1, code2);
        assertThat(api().put(tags, staff, Map.of("codes", List.of(code2))).json().path("campaignTags")).hasSize(1);
        assertThat(api().put(tags, staff, Map.of("codes", List.of("no-such-tag"))).code()).isEqualTo("UNKNOWN_CAMPAIGN_TAG");
        assertThat(api().put(tags, staff, Map.of("codes", List.of("坏代码"))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().get("/api/v1/agency/products/" + id, staff).json().path("campaignTags")).hasSize(1);
    }
}
