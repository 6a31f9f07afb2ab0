package cn.zhunong.mall.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Orders. Every status change is a compare-and-set ({@code WHERE status = :from}); a method
 * returning 0 means another actor moved the order first, and the caller answers 409.
 */
@Mapper
public interface OrderMapper extends BaseMapper<Order> {

    @Select("SELECT * FROM orders WHERE order_no = #{orderNo}")
    Order findByOrderNo(@Param("orderNo") String orderNo);

    @Select("SELECT COUNT(*) FROM orders WHERE order_no = #{orderNo}")
    int countByOrderNo(@Param("orderNo") String orderNo);

    @Select("SELECT * FROM orders WHERE id = #{id} FOR UPDATE")
    Order lockById(@Param("id") long id);

    @Update("UPDATE orders SET status = 'PAID', paid_fen = #{paidFen}, alipay_trade_no = #{tradeNo}, paid_at = #{now}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'CREATED'")
    int markPaid(@Param("id") long id, @Param("tradeNo") String tradeNo, @Param("paidFen") long paidFen,
            @Param("now") Instant now);

    /** CREATED -> PAID by another method than Alipay (bank transfer, on the spot): no trade number. */
    @Update("UPDATE orders SET status = 'PAID', paid_fen = #{paidFen}, payment_method = #{method}, paid_at = #{now}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'CREATED'")
    int markPaidBy(@Param("id") long id, @Param("method") PaymentMethod method, @Param("paidFen") long paidFen,
            @Param("now") Instant now);

    @Update("UPDATE orders SET status = 'CLOSED', close_reason = #{reason}, closed_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = #{from}")
    int close(@Param("id") long id, @Param("from") OrderStatus from, @Param("reason") CloseReason reason,
            @Param("now") Instant now);

    @Update("UPDATE orders SET status = 'SHIPPED', carrier = #{carrier}, tracking_no = #{trackingNo}, shipped_at = #{now}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'PAID'")
    int ship(@Param("id") long id, @Param("carrier") String carrier, @Param("trackingNo") String trackingNo,
            @Param("now") Instant now);

    @Update("UPDATE orders SET status = 'RECEIVED', received_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'SHIPPED'")
    int markReceived(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE orders SET status = 'COMPLETED', completed_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'RECEIVED'")
    int complete(@Param("id") long id, @Param("now") Instant now);

    /** Records that a payment was started (first time only), so the sweeper asks Alipay before closing. */
    @Update("UPDATE orders SET pay_channel = #{channel}, payment_started_at = COALESCE(payment_started_at, #{now}), "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'CREATED'")
    int markPaymentStarted(@Param("id") long id, @Param("channel") String channel, @Param("now") Instant now);

    /** A payment that arrived for an order already closed: kept on the order so it can be refunded. */
    @Update("UPDATE orders SET paid_fen = #{paidFen}, alipay_trade_no = #{tradeNo}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'CLOSED' AND paid_fen = 0")
    int recordLatePayment(@Param("id") long id, @Param("tradeNo") String tradeNo, @Param("paidFen") long paidFen,
            @Param("now") Instant now);

    @Update("UPDATE orders SET refunded_fen = refunded_fen + #{amount}, updated_at = #{now} "
            + "WHERE id = #{id} AND refunded_fen + #{amount} <= paid_fen")
    int addRefunded(@Param("id") long id, @Param("amount") long amount, @Param("now") Instant now);

    @Select("SELECT id FROM orders WHERE status = 'CREATED' AND expires_at < #{now} ORDER BY expires_at LIMIT #{limit}")
    List<Long> findExpired(@Param("now") Instant now, @Param("limit") int limit);

    @Select("SELECT id FROM orders WHERE status = 'CREATED' AND payment_started_at IS NOT NULL "
            + "AND expires_at >= #{now} AND expires_at < #{until} ORDER BY expires_at LIMIT #{limit}")
    List<Long> findNearTimeoutWithPayment(@Param("now") Instant now, @Param("until") Instant until,
            @Param("limit") int limit);

    @Select("SELECT o.id FROM orders o WHERE o.status = 'RECEIVED' AND o.received_at < #{before} AND NOT EXISTS "
            + "(SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.refund_status = 'REFUNDING') "
            + "ORDER BY o.received_at LIMIT #{limit}")
    List<Long> findCompletable(@Param("before") Instant before, @Param("limit") int limit);
}
