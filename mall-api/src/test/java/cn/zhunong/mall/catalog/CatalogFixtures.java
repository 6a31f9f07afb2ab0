package cn.zhunong.mall.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.Rows;
import cn.zhunong.mall.support.TestData;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Catalog test data: villages in named counties and households by plain SQL (the registry's own
 * endpoints are not under test here), listings through the catalog API.
 */
public final class CatalogFixtures {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Api api;

    public CatalogFixtures(JdbcTemplate jdbc, Api api) {
        this.jdbc = jdbc;
        this.api = api;
    }

    /** A county code of its own (52xxxx), so county filters see only this test's villages. */
    public static String countyCode() {
        return "52" + String.format("%04d", TestData.next() % 10_000);
    }

    public long village(long agencyId, String name, String countyCode, String countyName, String township) {
        String division = countyCode + String.format("%06d", TestData.next() % 1_000_000);
        return insert("INSERT INTO village (agency_id, name, division_code, county_code, county_name, township_name, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", agencyId, name, division, countyCode,
                countyName, township, now(), now());
    }

    public long village(long agencyId, String name) {
        return village(agencyId, name, countyCode(), "测试县", null);
    }

    /** A household with random (never decrypted) personal data. */
    public long household(long villageId, String headName, boolean consent, String alias) {
        return insert("INSERT INTO household (village_id, head_name, category, member_count, id_number_enc, id_number_hash, "
                + "id_number_masked, consent_public, public_alias, created_at, updated_at) "
                + "VALUES (?, ?, 'LIFTED_OUT', 3, ?, ?, '5201**********1234', ?, ?, ?, ?)",
                villageId, headName, random(48), random(32), consent, alias, now(), now());
    }

    public static Map<String, Object> product(long villageId, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("villageId", villageId);
        body.put("name", name);
        body.put("subtitle", "产地直发");
        body.put("description", "村里合作社统一收购、分拣、包装。");
        body.put("perishable", true);
        return body;
    }

    public static Map<String, Object> sku(String spec, long priceFen, int stock) {
        Map<String, Object> body = new HashMap<>();
        body.put("spec", spec);
        body.put("unit", "BOX");
        body.put("reportMilliUnits", 10_000);
        body.put("weightGrams", 5500);
        body.put("priceFen", priceFen);
        body.put("stock", stock);
        return body;
    }

    public long createProduct(String token, Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/agency/products", token, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    public long createSku(String token, long productId, Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/agency/products/" + productId + "/skus", token, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    public void putOnSale(String token, long productId) {
        Api.Response response = api.put("/api/v1/agency/products/" + productId + "/status", token, Map.of("status", "ON_SALE"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** A product on sale with one SKU at {@code priceFen}. */
    public long onSaleProduct(String token, long villageId, String name, long priceFen) {
        long id = createProduct(token, product(villageId, name));
        createSku(token, id, sku("一箱 10 斤", priceFen, 50));
        putOnSale(token, id);
        return id;
    }

    public static List<Long> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().path("items").valueStream().map(n -> n.path("id").asLong()).toList();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private long insert(String sql, Object... args) {
        return Rows.insert(jdbc, sql, args);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
