package cn.zhunong.mall.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.catalog.cache.CatalogCache;
import cn.zhunong.mall.infra.security.AccessTokenIssuer;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Catalog rows (products, SKUs, lots, shipping templates) and buyers for order and payment tests,
 * inserted with plain SQL so these tests do not depend on the catalog feature's endpoints.
 */
@Component
public class OrderTestData {

    /** A bcrypt hash that matches no password anyone types: bulk buyers log in by minted token only. */
    private static final String UNUSABLE_HASH = "$2a$10$abcdefghijklmnopqrstuu5T0h3gHnGqk3mAGbPzUCdBHHXhUrJpyK";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TestData data;
    private final AccessTokenIssuer tokens;
    private final StringRedisTemplate redis;

    public OrderTestData(JdbcTemplate jdbc, TestData data, AccessTokenIssuer tokens, StringRedisTemplate redis) {
        this.jdbc = jdbc;
        this.data = data;
        this.tokens = tokens;
        this.redis = redis;
    }

    /** An agency with one village and a staff login. */
    public record Shop(long agencyId, long villageId, TestData.Login staff) {
    }

    public Shop shop() {
        long agency = data.agency("测试合作社" + TestData.next());
        long village = data.village(agency, "测试村" + TestData.next());
        return new Shop(agency, village, data.staff(agency));
    }

    public long template(long agencyId, String mode, long flatFee, long firstKgFee, long extraKgFee, Long freeOver,
            String excludedRegionsJson) {
        return insert("INSERT INTO shipping_template (agency_id, name, mode, flat_fee_fen, first_kg_fee_fen, extra_kg_fee_fen, "
                        + "free_over_fen, excluded_regions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                agencyId, "运费模板" + TestData.next(), mode, flatFee, firstKgFee, extraKgFee, freeOver, excludedRegionsJson,
                now(), now());
    }

    public long product(Shop shop, String name, boolean perishable, Long templateId) {
        return insert("INSERT INTO product (agency_id, village_id, shipping_template_id, name, perishable, status, on_sale_at, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'ON_SALE', ?, ?, ?)",
                shop.agencyId(), shop.villageId(), templateId, name, perishable, now(), now(), now());
    }

    public long sku(long productId, long priceFen, int stock) {
        return sku(productId, priceFen, stock, 99, 500, null);
    }

    public long sku(long productId, long priceFen, int stock, int maxPerOrder, int weightGrams, Long householdId) {
        return insert("INSERT INTO sku (product_id, spec, unit, report_milli_units, weight_grams, price_fen, stock, max_per_order, "
                        + "household_id, status, created_at, updated_at) VALUES (?, ?, 'BOX', 10000, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)",
                productId, "5斤装", weightGrams, priceFen, stock, maxPerOrder, householdId, now(), now());
    }

    /** A product with one SKU, no shipping template (free shipping); returns the SKU id. */
    public long simpleSku(Shop shop, long priceFen, int stock) {
        return sku(product(shop, "高山土豆" + TestData.next(), false, null), priceFen, stock);
    }

    public long household(long villageId) {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return insert("INSERT INTO household (village_id, head_name, category, member_count, id_number_enc, id_number_hash, "
                        + "id_number_masked, consent_public, created_at, updated_at) VALUES (?, ?, 'LIFTED_OUT', 3, ?, ?, ?, 0, ?, ?)",
                villageId, "农户" + TestData.next(), new byte[] {1, 2, 3}, hash, "4401**********1234", now(), now());
    }

    public long lot(long skuId, long householdId, int units, Long purchasePriceFen, Integer incomeShareBp, LocalDate receivedOn) {
        catalogChanged();
        return insert("INSERT INTO source_lot (sku_id, household_id, units_supplied, purchase_price_fen, income_share_bp, "
                        + "received_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                skuId, householdId, units, purchasePriceFen, incomeShareBp, receivedOn, now());
    }

    public void offSale(long productId) {
        jdbc.update("UPDATE product SET status = 'OFF_SALE' WHERE id = ?", productId);
        catalogChanged();
    }

    /**
     * What {@code CatalogChanges} does after a change made through the application: bump the catalog
     * version, which tells every instance's checkout that its copy of the offers is out of date.
     * Helpers that change catalog rows directly call it too.
     */
    public void catalogChanged() {
        redis.opsForValue().increment(CatalogCache.versionKey());
    }

    public int stock(long skuId) {
        return jdbc.queryForObject("SELECT stock FROM sku WHERE id = ?", Integer.class, skuId);
    }

    /** The Redis counter of a SKU, or null when it was never loaded. */
    public Integer redisStock(long skuId) {
        String value = redis.opsForValue().get("zhunong:stock:" + skuId);
        return value == null ? null : Integer.valueOf(value);
    }

    public long inflightEntries(long skuId) {
        return redis.opsForHash().size("zhunong:stock:" + skuId + ":inflight");
    }

    /** The database, the Redis counter and the in-flight reservations agree: {@code units} left, nothing pending. */
    public void assertStockSettled(long skuId, int units) {
        assertThat(stock(skuId)).isEqualTo(units);
        assertThat(redisStock(skuId)).isEqualTo(units);
        assertThat(inflightEntries(skuId)).isZero();
    }

    public String orderStatus(long orderId) {
        return jdbc.queryForObject("SELECT status FROM orders WHERE id = ?", String.class, orderId);
    }

    public String orderNo(long orderId) {
        return jdbc.queryForObject("SELECT order_no FROM orders WHERE id = ?", String.class, orderId);
    }

    public int events(String type, long aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND aggregate_id = ?",
                Integer.class, type, aggregateId);
    }

    public void expire(long orderId, Instant at) {
        jdbc.update("UPDATE orders SET expires_at = ? WHERE id = ?", Timestamp.from(at), orderId);
    }

    /** {@code n} citizens inserted in one batch, with minted tokens (no password hashing: fast). */
    public List<TestData.Login> buyers(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(TestData.phone());
        }
        Timestamp now = now();
        jdbc.batchUpdate("INSERT INTO user_account (login_name, password_hash, role, display_name, enabled, created_at, updated_at) "
                + "VALUES (?, ?, 'CITIZEN', '买家', 1, ?, ?)", names, 200, (ps, name) -> {
                    ps.setString(1, name);
                    ps.setString(2, UNUSABLE_HASH);
                    ps.setTimestamp(3, now);
                    ps.setTimestamp(4, now);
                });
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, login_name FROM user_account WHERE login_name IN (" + String.join(",", names.stream()
                .map(x -> "?").toList()) + ")", rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                }, names.toArray());
        List<TestData.Login> logins = new ArrayList<>();
        for (String name : names) {
            long id = ids.get(name);
            logins.add(new TestData.Login(id, name, tokens.issue(new CurrentUser(id, Role.CITIZEN, null, null), "买家").value()));
        }
        return logins;
    }

    private long insert(String sql, Object... args) {
        return Rows.insert(jdbc, sql, args);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
