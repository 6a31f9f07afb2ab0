package cn.zhunong.mall.catalog.sku;

import static cn.zhunong.mall.catalog.CatalogFixtures.product;
import static cn.zhunong.mall.catalog.CatalogFixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.catalog.CatalogFixtures;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** SKU and source-lot rules: prices, units, stock, households of the product's village, income rules. */
class SkuAndLotApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    CatalogFixtures fx;
    long village;
    String staff;
    long productId;
    String skus;

    @BeforeEach
    void setUp() {
        fx = new CatalogFixtures(jdbc, api());
        long agency = data.agency("合作社" + TestData.next());
        village = fx.village(agency, "高山村" + TestData.next());
        staff = data.staff(agency).token();
        productId = fx.createProduct(staff, product(village, "高山云雾茶"));
        skus = "/api/v1/agency/products/" + productId + "/skus";
    }

    private Map<String, Object> withField(String field, Object value) {
        Map<String, Object> body = sku("一盒 250g", 8800, 10);
        body.put(field, value);
        return body;
    }

    private Long minPrice() {
        return jdbc.queryForObject("SELECT min_price_fen FROM product WHERE id = ?", Long.class, productId);
    }

    @Test
    void skuFieldsAreValidated() {
        for (Map<String, Object> bad : new Map[] {withField("priceFen", 0), withField("priceFen", -1),
                withField("priceFen", 10_000_000_001L), withField("stock", -1), withField("weightGrams", -5),
                withField("maxPerOrder", 0), withField("maxPerOrder", 10_000), withField("reportMilliUnits", -1),
                withField("spec", ""), withField("priceFen", null), withField("weightGrams", null)}) {
            Api.Response response = api().post(skus, staff, bad);
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api().post(skus, staff, withField("unit", "DOZEN")).code()).isEqualTo("INVALID_FIELD_TYPE");
        assertThat(api().post(skus, staff, withField("priceFen", "十元")).code()).isEqualTo("INVALID_FIELD_TYPE");
        assertThat(api().post(skus, staff, withField("stock", null)).code()).isEqualTo("STOCK_REQUIRED");

        // the price ceiling itself is fine
        assertThat(api().post(skus, staff, withField("priceFen", 10_000_000_000L)).status()).isEqualTo(201);
    }

    @Test
    void weightUnitsHaveTheirFixedConversionAndCountUnitsStateTheirs() {
        Map<String, Object> jin = withField("unit", "JIN");
        jin.remove("reportMilliUnits");
        Api.Response created = api().post(skus, staff, jin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("reportMilliUnits").asLong()).isEqualTo(1000);
        assertThat(created.json().path("unitLabel").asString()).isEqualTo("斤");

        Map<String, Object> kg = withField("unit", "KG");
        kg.put("reportMilliUnits", 1000);
        Api.Response mismatch = api().post(skus, staff, kg);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.code()).isEqualTo("REPORT_UNITS_MISMATCH");

        Api.Response box = api().post(skus, staff, sku("一箱 10 斤", 9900, 5));
        assertThat(box.json().path("reportMilliUnits").asLong()).isEqualTo(10_000);
        assertThat(box.json().path("unitLabel").asString()).isEqualTo("箱");
    }

    @Test
    void theMinimumPriceFollowsTheActiveSkus() {
        long cheap = fx.createSku(staff, productId, sku("小箱", 3900, 10));
        fx.createSku(staff, productId, sku("大箱", 6900, 10));
        assertThat(minPrice()).isEqualTo(3900);

        Map<String, Object> dearer = sku("小箱", 4500, 0);
        dearer.remove("stock");
        assertThat(api().put(skus + "/" + cheap, staff, dearer).status()).isEqualTo(200);
        assertThat(minPrice()).isEqualTo(4500);

        dearer.put("status", "DISABLED");
        Api.Response disabled = api().put(skus + "/" + cheap, staff, dearer);
        assertThat(disabled.json().path("status").asString()).isEqualTo("DISABLED");
        assertThat(minPrice()).isEqualTo(6900);

        Map<String, Object> withStock = sku("小箱", 4500, 99);
        assertThat(api().put(skus + "/" + cheap, staff, withStock).code()).isEqualTo("STOCK_READ_ONLY");
        assertThat(api().put(skus + "/999999999", staff, dearer).code()).isEqualTo("SKU_NOT_FOUND");
    }

    @Test
    void stockChangesByAdjustmentAndNeverGoesBelowZero() {
        long skuId = fx.createSku(staff, productId, sku("一盒", 2500, 10));
        String adjust = skus + "/" + skuId + "/stock-adjustments";
        assertThat(api().post(adjust, staff, Map.of("delta", 15)).json().path("stock").asInt()).isEqualTo(25);
        assertThat(api().post(adjust, staff, Map.of("delta", -25)).json().path("stock").asInt()).isZero();
        Api.Response negative = api().post(adjust, staff, Map.of("delta", -1));
        assertThat(negative.status()).isEqualTo(409);
        assertThat(negative.code()).isEqualTo("STOCK_NEGATIVE");
        assertThat(api().post(adjust, staff, Map.of()).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void skuHouseholdsMustLiveInTheProductsVillage() {
        long own = fx.household(village, "龙秀英", true, "高山村 龙**");
        long elsewhere = fx.household(fx.village(data.agency("别处" + TestData.next()), "别村" + TestData.next()),
                "石老三", false, null);
        Api.Response ok = api().post(skus, staff, withField("householdId", own));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().path("householdId").asLong()).isEqualTo(own);
        for (Object bad : new Object[] {elsewhere, 999_999_999L}) {
            Api.Response refused = api().post(skus, staff, withField("householdId", bad));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("HOUSEHOLD_NOT_IN_VILLAGE");
        }
    }

    private Map<String, Object> lot(long householdId, Long purchasePriceFen, Integer incomeShareBp) {
        Map<String, Object> body = new HashMap<>();
        body.put("householdId", householdId);
        body.put("unitsSupplied", 40);
        body.put("purchasePriceFen", purchasePriceFen);
        body.put("incomeShareBp", incomeShareBp);
        body.put("receivedOn", CatalogFixtures.TODAY.minusDays(2).toString());
        return body;
    }

    @Test
    void sourceLotsNameAHouseholdOfTheVillageAndExactlyOneIncomeRule() {
        long skuId = fx.createSku(staff, productId, sku("一盒", 2500, 10));
        String lots = skus + "/" + skuId + "/lots";
        long a = fx.household(village, "杨大妹", true, "高山村 杨**");
        long b = fx.household(village, "吴老四", false, null);
        long outsider = fx.household(fx.village(data.agency("别处" + TestData.next()), "外村" + TestData.next()),
                "张外人", true, "外村 张**");

        Api.Response byPrice = api().post(lots, staff, lot(a, 1800L, null));
        assertThat(byPrice.status()).as(byPrice.toString()).isEqualTo(201);
        assertThat(byPrice.json().path("purchasePriceFen").asLong()).isEqualTo(1800);
        assertThat(byPrice.json().path("unitsAllocated").asInt()).isZero();
        Api.Response byShare = api().post(lots, staff, lot(b, null, 3500));
        assertThat(byShare.status()).isEqualTo(201);
        assertThat(byShare.json().path("incomeShareBp").asInt()).isEqualTo(3500);

        assertThat(api().post(lots, staff, lot(a, 1800L, 3500)).code()).isEqualTo("SOURCE_LOT_RULE");
        assertThat(api().post(lots, staff, lot(a, null, null)).code()).isEqualTo("SOURCE_LOT_RULE");
        assertThat(api().post(lots, staff, lot(a, null, 10_001)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().post(lots, staff, lot(a, null, 0)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().post(lots, staff, lot(a, -1L, null)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().post(lots, staff, lot(outsider, 1800L, null)).code()).isEqualTo("HOUSEHOLD_NOT_IN_VILLAGE");
        Map<String, Object> zeroUnits = lot(a, 1800L, null);
        zeroUnits.put("unitsSupplied", 0);
        assertThat(api().post(lots, staff, zeroUnits).code()).isEqualTo("VALIDATION_FAILED");
        Map<String, Object> future = lot(a, 1800L, null);
        future.put("receivedOn", CatalogFixtures.TODAY.plusDays(1).toString());
        assertThat(api().post(lots, staff, future).code()).isEqualTo("RECEIVED_ON_IN_FUTURE");
        assertThat(api().post(skus + "/999999999/lots", staff, lot(a, 1800L, null)).code()).isEqualTo("SKU_NOT_FOUND");

        JsonNode listed = api().get(skus, staff).json();
        assertThat(listed.get(0).path("lots")).hasSize(2);

        // a SKU that pays one household cannot take lots from another, nor be given to one while others supplied it
        Map<String, Object> whole = sku("整箱", 9900, 5);
        whole.put("householdId", a);
        long wholeSku = fx.createSku(staff, productId, whole);
        assertThat(api().post(skus + "/" + wholeSku + "/lots", staff, lot(b, 1000L, null)).code())
                .isEqualTo("LOT_HOUSEHOLD_MISMATCH");
        assertThat(api().post(skus + "/" + wholeSku + "/lots", staff, lot(a, 1000L, null)).status()).isEqualTo(201);
        Map<String, Object> giveToA = sku("一盒", 2500, 0);
        giveToA.remove("stock");
        giveToA.put("householdId", a);
        assertThat(api().put(skus + "/" + skuId, staff, giveToA).code()).isEqualTo("SKU_HOUSEHOLD_CONFLICT");
    }

    @Test
    void aLotCanBeDeletedOnlyBeforeSalesDrewOnIt() {
        long skuId = fx.createSku(staff, productId, sku("一盒", 2500, 10));
        String lots = skus + "/" + skuId + "/lots";
        long h = fx.household(village, "罗二姐", false, null);
        long unused = api().post(lots, staff, lot(h, 1500L, null)).json().path("id").asLong();
        long used = api().post(lots, staff, lot(h, 1500L, null)).json().path("id").asLong();
        jdbc.update("UPDATE source_lot SET units_allocated = 3 WHERE id = ?", used);

        assertThat(api().delete(lots + "/" + unused, staff).status()).isEqualTo(204);
        Api.Response inUse = api().delete(lots + "/" + used, staff);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.code()).isEqualTo("SOURCE_LOT_IN_USE");
        assertThat(api().delete(lots + "/" + unused, staff).code()).isEqualTo("SOURCE_LOT_NOT_FOUND");
        long otherSku = fx.createSku(staff, productId, sku("另一盒", 2500, 10));
        assertThat(api().delete(skus + "/" + otherSku + "/lots/" + used, staff).code()).isEqualTo("SOURCE_LOT_NOT_FOUND");
    }
}
