package cn.zhunong.mall.catalog.shipping;

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

class ShippingTemplateApiTest extends ApiTest {

    private static final String BASE = "/api/v1/agency/shipping-templates";

    @Autowired
    JdbcTemplate jdbc;

    long agency;
    String staff;

    @BeforeEach
    void setUp() {
        agency = data.agency("物流方" + TestData.next());
        staff = data.staff(agency).token();
    }

    private Map<String, Object> template(String mode) {
        Map<String, Object> body = new HashMap<>();
        body.put("agencyId", agency);
        body.put("name", "默认运费" + TestData.next());
        body.put("mode", mode);
        switch (mode) {
            case "FLAT" -> body.put("flatFeeFen", 1000);
            case "BY_WEIGHT" -> {
                body.put("firstKgFeeFen", 1200);
                body.put("extraKgFeeFen", 500);
            }
            default -> { }
        }
        return body;
    }

    @Test
    void staffKeepTemplatesOfEachModeWithRegionsNotServed() {
        Map<String, Object> byWeight = template("BY_WEIGHT");
        byWeight.put("freeOverFen", 9900);
        byWeight.put("excludedRegions", List.of("65", "54", "65"));
        Api.Response created = api().post(BASE, staff, byWeight);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("excludedRegions").valueStream().map(n -> n.asString())).containsExactly("54", "65");
        assertThat(created.json().path("firstKgFeeFen").asLong()).isEqualTo(1200);
        long id = created.json().path("id").asLong();

        assertThat(api().post(BASE, staff, template("FREE")).status()).isEqualTo(201);
        Api.Response flat = api().post(BASE, staff, template("FLAT"));
        assertThat(flat.json().path("flatFeeFen").asLong()).isEqualTo(1000);
        assertThat(flat.json().path("excludedRegions")).isEmpty();

        Map<String, Object> changed = template("FLAT");
        changed.put("excludedRegions", List.of("71", "81", "82"));
        Api.Response updated = api().put(BASE + "/" + id, staff, changed);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("mode").asString()).isEqualTo("FLAT");
        assertThat(updated.json().path("firstKgFeeFen").asLong()).isZero();
        assertThat(api().get(BASE + "/" + id, staff).json().path("excludedRegions")).hasSize(3);
        assertThat(api().get(BASE + "?agencyId=" + agency, staff).json().path("total").asLong()).isEqualTo(3);
    }

    @Test
    void feesMustMatchTheModeAndRegionsMustBeProvinces() {
        Map<String, Object> flatWithWeight = template("FLAT");
        flatWithWeight.put("firstKgFeeFen", 100);
        Map<String, Object> freeWithFee = template("FREE");
        freeWithFee.put("flatFeeFen", 100);
        Map<String, Object> weightWithoutExtra = template("BY_WEIGHT");
        weightWithoutExtra.remove("extraKgFeeFen");
        Map<String, Object> flatWithoutFee = template("FLAT");
        flatWithoutFee.remove("flatFeeFen");
        for (Map<String, Object> bad : List.of(flatWithWeight, freeWithFee, weightWithoutExtra, flatWithoutFee)) {
            Api.Response response = api().post(BASE, staff, bad);
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.code()).isEqualTo("SHIPPING_FEES_INVALID");
        }
        Map<String, Object> unknownProvince = template("FREE");
        unknownProvince.put("excludedRegions", List.of("54", "99"));
        assertThat(api().post(BASE, staff, unknownProvince).code()).isEqualTo("INVALID_REGION_CODE");
        Map<String, Object> notTwoDigits = template("FREE");
        notTwoDigits.put("excludedRegions", List.of("540000"));
        assertThat(api().post(BASE, staff, notTwoDigits).code()).isEqualTo("VALIDATION_FAILED");
        Map<String, Object> negative = template("FLAT");
        negative.put("flatFeeFen", -1);
        assertThat(api().post(BASE, staff, negative).code()).isEqualTo("VALIDATION_FAILED");
        Map<String, Object> badMode = template("FREE");
        badMode.put("mode", "EXPRESS");
        assertThat(api().post(BASE, staff, badMode).code()).isEqualTo("INVALID_FIELD_TYPE");
    }

    @Test
    void templatesBelongToTheirAgency() {
        long id = api().post(BASE, staff, template("FREE")).json().path("id").asLong();
        long other = data.agency("他方" + TestData.next());
        String otherStaff = data.staff(other).token();
        long aiding = data.agency("帮扶方" + TestData.next());
        data.pairing(aiding, agency);
        String aidingStaff = data.staff(aiding).token();

        assertThat(api().get(BASE + "/" + id, otherStaff).code()).isEqualTo("SHIPPING_TEMPLATE_NOT_FOUND");
        assertThat(api().put(BASE + "/" + id, otherStaff, template("FREE")).code()).isEqualTo("SHIPPING_TEMPLATE_NOT_FOUND");
        assertThat(api().delete(BASE + "/" + id, otherStaff).code()).isEqualTo("SHIPPING_TEMPLATE_NOT_FOUND");
        Map<String, Object> forOther = template("FREE");
        forOther.put("agencyId", other);
        assertThat(api().post(BASE, staff, forOther).code()).isEqualTo("AGENCY_NOT_FOUND");

        Api.Response read = api().get(BASE + "/" + id, aidingStaff);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("writable").asBoolean()).isFalse();
        assertThat(api().put(BASE + "/" + id, aidingStaff, template("FREE")).code()).isEqualTo("READ_ONLY_SCOPE");
        assertThat(api().delete(BASE + "/" + id, aidingStaff).code()).isEqualTo("READ_ONLY_SCOPE");

        Map<String, Object> moved = template("FREE");
        moved.put("agencyId", aiding);
        assertThat(api().put(BASE + "/" + id, staff, moved).code()).isEqualTo("AGENCY_IMMUTABLE");
    }

    @Test
    void productsUseOnlyTheirAgencysTemplatesAndATemplateInUseStays() {
        CatalogFixtures fx = new CatalogFixtures(jdbc, api());
        long village = fx.village(agency, "运费村" + TestData.next());
        long id = api().post(BASE, staff, template("FLAT")).json().path("id").asLong();
        long other = data.agency("他方" + TestData.next());
        Map<String, Object> foreign = template("FREE");
        foreign.put("agencyId", other);
        long foreignId = api().post(BASE, data.staff(other).token(), foreign).json().path("id").asLong();

        Map<String, Object> product = CatalogFixtures.product(village, "米粉");
        product.put("shippingTemplateId", foreignId);
        assertThat(api().post("/api/v1/agency/products", staff, product).code()).isEqualTo("UNKNOWN_SHIPPING_TEMPLATE");
        product.put("shippingTemplateId", id);
        fx.createProduct(staff, product);

        Api.Response inUse = api().delete(BASE + "/" + id, staff);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.code()).isEqualTo("SHIPPING_TEMPLATE_IN_USE");
        long unused = api().post(BASE, staff, template("FREE")).json().path("id").asLong();
        assertThat(api().delete(BASE + "/" + unused, staff).status()).isEqualTo(204);
        assertThat(api().get(BASE + "/" + unused, staff).code()).isEqualTo("SHIPPING_TEMPLATE_NOT_FOUND");
    }
}
