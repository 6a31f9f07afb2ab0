package cn.zhunong.mall.ledger;

import cn.zhunong.mall.support.Rows;
import cn.zhunong.mall.support.TestData;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ledger test data inserted with plain SQL: agencies, villages, households, products, SKUs and
 * source lots, plus unique order/line/refund ids. Also reads back what the ledger wrote.
 */
public final class LedgerFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TestData data;

    public LedgerFixtures(JdbcTemplate jdbc, TestData data) {
        this.jdbc = jdbc;
        this.data = data;
    }

    /**
     * A unique id for orders, lines and refunds (no foreign keys on the ledger side), far above the
     * ids real orders get: the ledger's intake posts those too, under the same idempotency keys.
     */
    public static long id() {
        return 1_000_000_000_000L + TestData.next();
    }

    /** A bare orders row (auto id) owned by {@code userId}, for views that check the owner; no outbox event. */
    public long orderRow(long agencyId, long userId) {
        return insert("INSERT INTO orders (order_no, user_id, agency_id, idempotency_key, request_hash, status, goods_fen, "
                + "shipping_fen, total_fen, receiver_name, receiver_phone_enc, receiver_phone_masked, province_code, "
                + "receiver_address, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PAID', 100, 0, 100, '张三', ?, "
                + "'139****5678', '44', '测试地址', ?, ?, ?)", "LT" + TestData.next(), userId, agencyId, "k" + TestData.next(),
                "0".repeat(64), new byte[] {1}, now(), now(), now());
    }

    /** Journal entries about one order (robust against entries other tests post meanwhile). */
    public long entriesOfOrder(long orderId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE order_id = ?", Long.class, orderId);
    }

    public record World(long agencyId, long villageId, TestData.Login staff) {
    }

    public World world() {
        long agency = data.agency("台账机构" + TestData.next());
        long village = data.village(agency, "台账村" + TestData.next());
        return new World(agency, village, data.staff(agency));
    }

    public long household(long villageId, boolean consent, String alias) {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return insert("INSERT INTO household (village_id, head_name, category, member_count, id_number_enc, id_number_hash, "
                + "id_number_masked, bank_account_masked, consent_public, public_alias, created_at, updated_at) "
                + "VALUES (?, ?, 'LIFTED_OUT', 3, ?, ?, '4401**********1234', '6222***********5678', ?, ?, ?, ?)",
                villageId, "户主" + TestData.next(), new byte[] {1, 2, 3}, hash, consent, alias, now(), now());
    }

    public long product(long agencyId, long villageId, String name) {
        return insert("INSERT INTO product (agency_id, village_id, name, status, created_at, updated_at) "
                + "VALUES (?, ?, ?, 'ON_SALE', ?, ?)", agencyId, villageId, name, now(), now());
    }

    /** A SKU sold in 斤-convertible units: {@code reportMilliUnits} = 斤 x 1000 per unit. */
    public long sku(long productId, String spec, long reportMilliUnits, Long householdId) {
        return insert("INSERT INTO sku (product_id, spec, unit, report_milli_units, price_fen, stock, household_id, created_at, "
                + "updated_at) VALUES (?, ?, 'BOX', ?, 5000, 1000, ?, ?, ?)", productId, spec, reportMilliUnits, householdId,
                now(), now());
    }

    public long lot(long skuId, long householdId, int units, Long purchasePriceFen, Integer incomeShareBp, LocalDate receivedOn) {
        return insert("INSERT INTO source_lot (sku_id, household_id, units_supplied, purchase_price_fen, income_share_bp, "
                + "received_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", skuId, householdId, units, purchasePriceFen,
                incomeShareBp, receivedOn, now());
    }

    public int unitsAllocated(long lotId) {
        return jdbc.queryForObject("SELECT units_allocated FROM source_lot WHERE id = ?", Integer.class, lotId);
    }

    /** credit − debit of an account (0 if it does not exist). */
    public long balance(String code) {
        List<Long> b = jdbc.queryForList("SELECT b.credit_total_fen - b.debit_total_fen FROM account_balance b "
                + "JOIN ledger_account a ON a.id = b.account_id WHERE a.code = ?", Long.class, code);
        return b.isEmpty() ? 0 : b.get(0);
    }

    public long pending(long household) {
        return balance("household:" + household + ":pending");
    }

    public long available(long household) {
        return balance("household:" + household + ":available");
    }

    public long paid(long household) {
        return balance("household:" + household + ":paid");
    }

    public long entries(String idempotencyKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE idempotency_key = ?", Long.class, idempotencyKey);
    }

    public List<Map<String, Object>> allocations(long orderId) {
        return jdbc.queryForList("SELECT * FROM ledger_allocation WHERE order_id = ? ORDER BY order_line_id, seq_no", orderId);
    }

    public long maxEntryId() {
        return jdbc.queryForObject("SELECT last_entry_id FROM ledger_chain_head WHERE id = 1", Long.class);
    }

    private long insert(String sql, Object... args) {
        return Rows.insert(jdbc, sql, args);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
