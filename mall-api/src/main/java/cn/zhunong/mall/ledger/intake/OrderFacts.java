package cn.zhunong.mall.ledger.intake;

import cn.zhunong.mall.ledger.PaidLine;
import cn.zhunong.mall.ledger.PaidOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the ledger is told about an order, a refund or a receipt, read from the orders side's own
 * tables (orders, order_line, refund) by the ids an event names — never from the event's payload,
 * whose other fields are informational and may change.
 */
@Component
class OrderFacts {

    private final JdbcTemplate jdbc;

    OrderFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The order row's fields the ledger needs. {@code paidAt} is null while unpaid (or paid only after it closed). */
    record OrderRow(long id, long userId, long agencyId, String campaignCode, Long groupBuyId, String status, Instant paidAt,
            Instant receivedAt, String paymentMethod) {
    }

    Optional<OrderRow> order(long orderId) {
        return jdbc.query("SELECT id, user_id, agency_id, campaign_code, group_buy_id, status, paid_at, received_at, "
                + "payment_method FROM orders WHERE id = ?", (rs, n) -> new OrderRow(rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getString(4), nullableLong(rs, 5), rs.getString(6), instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)), rs.getString(9)), orderId).stream().findFirst();
    }

    /**
     * The order as paid: every line with its amount (line_fen; shipping is not goods and is not
     * allocated) and the SKU-household snapshot taken at checkout.
     */
    PaidOrder paidOrder(OrderRow order) {
        List<PaidLine> lines = jdbc.query("SELECT id, sku_id, quantity, line_fen, household_id FROM order_line "
                + "WHERE order_id = ? ORDER BY id", (rs, n) -> new PaidLine(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        rs.getLong(4), nullableLong(rs, 5)), order.id());
        return new PaidOrder(order.id(), order.agencyId(), campaignId(order.campaignCode()), order.paidAt(), lines,
                order.userId(), order.paymentMethod());
    }

    /** The campaign an order is attributed to: the campaign tag with the order's campaign code, if there is one. */
    private Long campaignId(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return jdbc.queryForList("SELECT id FROM campaign_tag WHERE code = ?", Long.class, code).stream().findFirst()
                .orElse(null);
    }

    /** A refund row with the line it gives back and the order's group buy. */
    record RefundRow(long id, long orderId, Long orderLineId, long amountFen, String status, Instant refundedAt,
            Long lineFen, Long groupBuyId) {
    }

    Optional<RefundRow> refund(long refundId) {
        return jdbc.query("SELECT r.id, r.order_id, r.order_line_id, r.amount_fen, r.status, r.refunded_at, l.line_fen, "
                + "o.group_buy_id FROM refund r JOIN orders o ON o.id = r.order_id "
                + "LEFT JOIN order_line l ON l.id = r.order_line_id WHERE r.id = ?",
                (rs, n) -> new RefundRow(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), rs.getLong(4), rs.getString(5),
                        instant(rs.getTimestamp(6)), nullableLong(rs, 7), nullableLong(rs, 8)), refundId)
                .stream().findFirst();
    }

    /** Whether the ledger has recorded the order as paid (its ORDER_PAID source event). */
    boolean postedAsPaid(long orderId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_source_event WHERE event_key = ?", Integer.class,
                "order-paid:" + orderId);
        return n != null && n > 0;
    }

    /** Whether the order holds a seat of a group buy that succeeded (so GROUP_BUY_SUCCEEDED credits it). */
    boolean seatedInSucceededGroup(long orderId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM group_buy_member m JOIN group_buy g ON g.id = m.group_buy_id "
                + "WHERE m.order_id = ? AND m.status = 'PAID' AND g.status = 'SUCCEEDED'", Integer.class, orderId);
        return n != null && n > 0;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
