package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.crypto.PiiCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The rows around a purchase: its items, its recipients and the orders placed for it. */
@Component
class PurchaseStore {

    private final JdbcTemplate jdbc;
    private final PiiCipher cipher;

    PurchaseStore(JdbcTemplate jdbc, PiiCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void insertItems(long purchaseId, List<PurchaseResponse.Item> items) {
        jdbc.batchUpdate("INSERT INTO enterprise_purchase_item (purchase_id, sku_id, agency_id, quantity, list_price_fen, "
                + "unit_price_fen, line_fen) VALUES (?, ?, ?, ?, ?, ?, ?)", items.stream().map(i -> new Object[] {purchaseId,
                        i.skuId(), i.agencyId(), i.quantity(), i.listPriceFen(), i.unitPriceFen(), i.lineFen()}).toList());
    }

    List<PurchaseResponse.Item> items(long purchaseId) {
        return jdbc.query("SELECT sku_id, agency_id, quantity, list_price_fen, unit_price_fen, line_fen "
                + "FROM enterprise_purchase_item WHERE purchase_id = ? ORDER BY sku_id", (rs, n) -> new PurchaseResponse.Item(
                        rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)), purchaseId);
    }

    /** A recipient with the phone decrypted: only for placing the orders, never returned. */
    record StoredRecipient(long id, String name, String phone, String provinceCode, String address) {
    }

    void replaceRecipients(long purchaseId, List<RecipientCsv.Recipient> recipients) {
        jdbc.update("DELETE FROM enterprise_recipient WHERE purchase_id = ?", purchaseId);
        jdbc.batchUpdate("INSERT INTO enterprise_recipient (purchase_id, line_no, name, phone_enc, phone_masked, province_code, "
                + "address) VALUES (?, ?, ?, ?, ?, ?, ?)", recipients.stream().map(r -> new Object[] {purchaseId, r.line(),
                        r.name(), cipher.encrypt(r.phone()), Masking.phone(r.phone()), r.provinceCode(), r.address()}).toList());
    }

    List<StoredRecipient> recipients(long purchaseId) {
        return jdbc.query("SELECT id, name, phone_enc, province_code, address FROM enterprise_recipient WHERE purchase_id = ? "
                + "ORDER BY id", (rs, n) -> new StoredRecipient(rs.getLong(1), rs.getString(2), cipher.decrypt(rs.getBytes(3)),
                        rs.getString(4), rs.getString(5)), purchaseId);
    }

    /** Attributes a just-placed order to the purchase; a bank-transfer order also waits longer for its money. */
    void attribute(long orderId, long purchaseId, String paymentMethod, Instant expiresAt, Instant now) {
        jdbc.update("UPDATE orders SET enterprise_purchase_id = ?, payment_method = ?, expires_at = GREATEST(expires_at, ?), "
                + "updated_at = ? WHERE id = ? AND status = 'CREATED' AND paid_fen = 0", purchaseId, paymentMethod,
                Timestamp.from(expiresAt), Timestamp.from(now), orderId);
    }

    /** One order of the purchase, as much as confirming a transfer needs. */
    record OrderRef(long id, String status, long totalFen) {
    }

    List<OrderRef> orderRefs(long purchaseId) {
        return jdbc.query("SELECT id, status, total_fen FROM orders WHERE enterprise_purchase_id = ? ORDER BY id",
                (rs, n) -> new OrderRef(rs.getLong(1), rs.getString(2), rs.getLong(3)), purchaseId);
    }

    List<PurchaseResponse.PlacedOrder> orders(long purchaseId) {
        return jdbc.query("SELECT id, order_no, agency_id, status, goods_fen, shipping_fen, total_fen, receiver_name, "
                + "receiver_phone_masked, payment_method FROM orders WHERE enterprise_purchase_id = ? ORDER BY id",
                (rs, n) -> new PurchaseResponse.PlacedOrder(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10)),
                purchaseId);
    }
}
