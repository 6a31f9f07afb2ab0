package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.persistence.FixedSizeBatches;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Inserts new orders and lines as JDBC batches with fixed SQL texts: the driver sends each batch
 * as one multi-row INSERT (rewriteBatchedStatements) of one of a few sizes, prepared once per
 * connection, and returns the generated ids. These inserts, the order writer's stock take and the
 * Idempotency-Key probe that every refused order runs are hot paths of checkout, kept free of
 * per-row mapping work; everything else about orders goes through MyBatis.
 */
@Component
public class OrderRows {

    private static final String INSERT_ORDER = "INSERT INTO orders (order_no, user_id, agency_id, idempotency_key, "
            + "request_hash, status, goods_fen, shipping_fen, total_fen, receiver_name, receiver_phone_enc, "
            + "receiver_phone_masked, province_code, receiver_address, buyer_note, campaign_code, live_session_id, streamer_id, "
            + "group_buy_id, flash_sale_id, expires_at, paid_fen, refunded_fen, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_LINE = "INSERT INTO order_line (order_id, sku_id, product_id, village_id, product_name, "
            + "sku_spec, unit, unit_price_fen, quantity, line_fen, report_milli_units, weight_grams, perishable, household_id, "
            + "income_lots, refund_status, refunded_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NONE', 0)";

    private static final String TAKE_STOCK = "UPDATE sku SET stock = stock - ? WHERE id = ? AND stock >= ?";

    /** the largest chunk: a larger batch is sent as several */
    private static final int CHUNK = 64;

    private final JdbcTemplate jdbc;

    public OrderRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The id of the buyer's order made with this Idempotency-Key, or null: checkout asks it before
     * it refuses an order (a flash sale answers thousands of refusals a second). Plain JDBC: through
     * the MyBatis mapper the same lookup cost more CPU than all the rest of a checkout's own work
     * (plugin wrapping and mapping per call).
     */
    public Long idByIdempotencyKey(long userId, String idempotencyKey) {
        return jdbc.query("SELECT id FROM orders WHERE user_id = ? AND idempotency_key = ?",
                rs -> rs.next() ? rs.getLong(1) : null, userId, idempotencyKey);
    }

    /**
     * Takes {@code qty} units of the SKU's stock column; 1 when they were taken, 0 when fewer are
     * left. It waits for the row lock at most {@code timeoutSeconds} (0: InnoDB's own limit): the
     * driver then cancels the statement with KILL QUERY, and it fails as
     * {@link cn.zhunong.mall.infra.persistence.LockWaits} recognises. A statement timeout costs a
     * timer entry; setting the session's lock wait would cost two more round trips per transaction.
     */
    public int takeStock(long skuId, int qty, int timeoutSeconds) {
        Integer taken = jdbc.execute(TAKE_STOCK, (PreparedStatement ps) -> {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setInt(1, qty);
            ps.setLong(2, skuId);
            ps.setInt(3, qty);
            return ps.executeUpdate();
        });
        return taken == null ? 0 : taken;
    }

    /** Inserts the orders and sets their generated ids. */
    public void insertOrders(List<Order> orders) {
        insertAll(INSERT_ORDER, orders, (ps, o) -> {
            ps.setString(1, o.getOrderNo());
            ps.setLong(2, o.getUserId());
            ps.setLong(3, o.getAgencyId());
            ps.setString(4, o.getIdempotencyKey());
            ps.setString(5, o.getRequestHash());
            ps.setString(6, o.getStatus().name());
            ps.setLong(7, o.getGoodsFen());
            ps.setLong(8, o.getShippingFen());
            ps.setLong(9, o.getTotalFen());
            ps.setString(10, o.getReceiverName());
            ps.setBytes(11, o.getReceiverPhoneEnc());
            ps.setString(12, o.getReceiverPhoneMasked());
            ps.setString(13, o.getProvinceCode());
            ps.setString(14, o.getReceiverAddress());
            ps.setString(15, o.getBuyerNote());
            ps.setString(16, o.getCampaignCode());
            setLong(ps, 17, o.getLiveSessionId());
            setLong(ps, 18, o.getStreamerId());
            setLong(ps, 19, o.getGroupBuyId());
            setLong(ps, 20, o.getFlashSaleId());
            ps.setTimestamp(21, timestamp(o.getExpiresAt()));
            ps.setLong(22, o.getPaidFen());
            ps.setLong(23, o.getRefundedFen());
            ps.setTimestamp(24, timestamp(o.getCreatedAt()));
            ps.setTimestamp(25, timestamp(o.getUpdatedAt()));
        }, Order::setId);
    }

    /** Inserts the lines (their order ids already set) and sets their generated ids. */
    public void insertLines(List<OrderLine> lines) {
        insertAll(INSERT_LINE, lines, (ps, l) -> {
            ps.setLong(1, l.getOrderId());
            ps.setLong(2, l.getSkuId());
            ps.setLong(3, l.getProductId());
            ps.setLong(4, l.getVillageId());
            ps.setString(5, l.getProductName());
            ps.setString(6, l.getSkuSpec());
            ps.setString(7, l.getUnit());
            ps.setLong(8, l.getUnitPriceFen());
            ps.setInt(9, l.getQuantity());
            ps.setLong(10, l.getLineFen());
            ps.setLong(11, l.getReportMilliUnits());
            ps.setInt(12, l.getWeightGrams());
            ps.setBoolean(13, Boolean.TRUE.equals(l.getPerishable()));
            setLong(ps, 14, l.getHouseholdId());
            ps.setString(15, l.getIncomeLots());
        }, OrderLine::setId);
    }

    /**
     * JDBC batches of {@code sql} over the rows, of the fixed sizes of {@link FixedSizeBatches}
     * (at most {@value #CHUNK} rows): the driver rewrites each into a multi-row INSERT whose text,
     * and so whose server-side prepared statement, repeats. Each row then gets its generated id, in order.
     */
    private <T> void insertAll(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> bind,
            BiConsumer<T, Long> setId) {
        for (List<T> chunk : FixedSizeBatches.chunks(rows, CHUNK)) {
            insertChunk(sql, chunk, bind, setId);
        }
    }

    private <T> void insertChunk(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> bind,
            BiConsumer<T, Long> setId) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        bind.setValues(ps, rows.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Map<String, Object>> ids = keys.getKeyList();
        for (int i = 0; i < rows.size(); i++) {
            setId.accept(rows.get(i), ((Number) ids.get(i).values().iterator().next()).longValue());
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
