package cn.zhunong.mall.catalog.certification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.catalog.CatalogFixtures;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Certifications with expiry; an expired one takes the product off sale (job and storefront read). */
class CertificationExpiryTest extends ApiTest {

    private static final LocalDate TODAY = CatalogFixtures.TODAY;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CertificationExpiry expiry;

    CatalogFixtures fx;
    long village;
    String staff;

    @BeforeEach
    void setUp() {
        fx = new CatalogFixtures(jdbc, api());
        long agency = data.agency("认证机构" + TestData.next());
        village = fx.village(agency, "认证村" + TestData.next());
        staff = data.staff(agency).token();
    }

    private static Map<String, Object> cert(String type, LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("number", "NO-" + TestData.next());
        body.put("issuer", "县农业农村局");
        body.put("validFrom", from.toString());
        body.put("validTo", to.toString());
        return body;
    }

    /** What an expired certificate looks like once its last day has passed: inserted directly, as time would. */
    private void insertExpired(long productId) {
        jdbc.update("INSERT INTO product_certification (product_id, type, number, issuer, valid_from, valid_to, created_at, "
                + "updated_at) VALUES (?, 'GREEN', ?, '中国绿色食品发展中心', ?, ?, ?, ?)", productId, "LB-" + TestData.next(),
                Date.valueOf(TODAY.minusYears(3)), Date.valueOf(TODAY.minusDays(1)), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
    }

    private Map<String, Object> productRow(long id) {
        return jdbc.queryForMap("SELECT status, off_sale_reason FROM product WHERE id = ?", id);
    }

    @Test
    void staffRecordCertificationsWithAValidPeriod() {
        long id = fx.createProduct(staff, CatalogFixtures.product(village, "有机大米"));
        String certs = "/api/v1/agency/products/" + id + "/certifications";
        Api.Response organic = api().post(certs, staff, cert("ORGANIC", TODAY.minusYears(1), TODAY.plusYears(1)));
        assertThat(organic.status()).as(organic.toString()).isEqualTo(201);
        assertThat(organic.json().path("typeLabel").asString()).isEqualTo("有机产品");
        assertThat(organic.json().path("state").asString()).isEqualTo("VALID");
        Api.Response future = api().post(certs, staff, cert("POVERTY_ALLEVIATION", TODAY.plusDays(10), TODAY.plusYears(1)));
        assertThat(future.json().path("state").asString()).isEqualTo("NOT_YET_VALID");

        assertThat(api().post(certs, staff, cert("GREEN", TODAY.minusYears(2), TODAY.minusDays(1))).code())
                .isEqualTo("CERTIFICATION_EXPIRED");
        assertThat(api().post(certs, staff, cert("GREEN", TODAY.plusDays(5), TODAY)).code()).isEqualTo("INVALID_PERIOD");
        assertThat(api().post(certs, staff, cert("HALAL", TODAY, TODAY)).code()).isEqualTo("INVALID_FIELD_TYPE");
        Map<String, Object> noNumber = cert("GREEN", TODAY, TODAY);
        noNumber.remove("number");
        assertThat(api().post(certs, staff, noNumber).code()).isEqualTo("VALIDATION_FAILED");
        Map<String, Object> duplicate = cert("GREEN", TODAY, TODAY.plusYears(1));
        assertThat(api().post(certs, staff, duplicate).status()).isEqualTo(201);
        assertThat(api().post(certs, staff, duplicate).code()).isEqualTo("CERTIFICATION_EXISTS");

        long certId = organic.json().path("id").asLong();
        Map<String, Object> renewed = cert("ORGANIC", TODAY.minusYears(1), TODAY.plusYears(3));
        Api.Response updated = api().put(certs + "/" + certId, staff, renewed);
        assertThat(updated.json().path("validTo").asString()).isEqualTo(TODAY.plusYears(3).toString());
        assertThat(api().get(certs, staff).json()).hasSize(3);
        assertThat(api().delete(certs + "/" + certId, staff).status()).isEqualTo(204);
        assertThat(api().delete(certs + "/" + certId, staff).code()).isEqualTo("CERTIFICATION_NOT_FOUND");
    }

    @Test
    void theJobTakesProductsWithAnExpiredCertificationOffSale() {
        long expired = fx.onSaleProduct(staff, village, "地标腊肉", 8800);
        long fine = fx.onSaleProduct(staff, village, "绿色茶油", 12800);
        api().post("/api/v1/agency/products/" + fine + "/certifications", staff,
                cert("GREEN", TODAY.minusYears(1), TODAY));   // valid through today
        insertExpired(expired);

        assertThat(expiry.takeExpiredOffSale()).isGreaterThanOrEqualTo(1);
        assertThat(productRow(expired)).containsEntry("status", "OFF_SALE").containsEntry("off_sale_reason", "CERT_EXPIRED");
        assertThat(productRow(fine)).containsEntry("status", "ON_SALE");
        // idempotent: a second run finds nothing more to do for these products
        expiry.takeExpiredOffSale();
        assertThat(productRow(fine)).containsEntry("status", "ON_SALE");

        // it cannot go back on sale until the certification is renewed or removed
        String status = "/api/v1/agency/products/" + expired + "/status";
        Api.Response refused = api().put(status, staff, Map.of("status", "ON_SALE"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("CERTIFICATION_EXPIRED");
        long certId = api().get("/api/v1/agency/products/" + expired + "/certifications", staff).json().get(0)
                .path("id").asLong();
        assertThat(api().get("/api/v1/agency/products/" + expired, staff).json().path("certifications").get(0)
                .path("state").asString()).isEqualTo("EXPIRED");
        api().put("/api/v1/agency/products/" + expired + "/certifications/" + certId, staff,
                cert("GREEN", TODAY.minusYears(3), TODAY.plusYears(3)));
        assertThat(api().put(status, staff, Map.of("status", "ON_SALE")).status()).isEqualTo(200);
    }

    @Test
    void aStorefrontReadNeverShowsAProductWithAnExpiredCertification() {
        long id = fx.onSaleProduct(staff, village, "地标香米", 5600);
        insertExpired(id);

        assertThat(CatalogFixtures.ids(api().get("/api/v1/products?villageId=" + village, null))).doesNotContain(id);
        Api.Response detail = api().get("/api/v1/products/" + id, null);
        assertThat(detail.status()).isEqualTo(404);
        assertThat(detail.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(productRow(id)).containsEntry("status", "OFF_SALE").containsEntry("off_sale_reason", "CERT_EXPIRED");
    }
}
