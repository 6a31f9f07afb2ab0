package cn.zhunong.mall.order.refund;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RefundMapper extends BaseMapper<Refund> {

    /** Money already promised back on this order: refunds under review, being paid, or paid. */
    @Select("SELECT COALESCE(SUM(amount_fen), 0) FROM refund WHERE order_id = #{orderId} "
            + "AND status IN ('PENDING','PROCESSING','SUCCEEDED')")
    long committedAmount(@Param("orderId") long orderId);

    @Select("SELECT COUNT(*) FROM refund WHERE order_line_id = #{lineId}")
    int countByLine(@Param("lineId") long lineId);

    @Select("SELECT * FROM refund WHERE order_id = #{orderId} ORDER BY id")
    List<Refund> findByOrderId(@Param("orderId") long orderId);

    @Update("UPDATE refund SET status = 'PROCESSING', reviewed_by = #{reviewer}, reviewed_at = #{now}, "
            + "next_attempt_at = #{retryAt}, updated_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int approve(@Param("id") long id, @Param("reviewer") long reviewer, @Param("now") Instant now,
            @Param("retryAt") Instant retryAt);

    @Update("UPDATE refund SET status = 'REJECTED', reject_reason = #{reason}, reviewed_by = #{reviewer}, "
            + "reviewed_at = #{now}, updated_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int reject(@Param("id") long id, @Param("reviewer") long reviewer, @Param("reason") String reason,
            @Param("now") Instant now);

    @Update("UPDATE refund SET status = 'SUCCEEDED', refunded_at = #{now}, attempts = attempts + 1, last_error = NULL, "
            + "next_attempt_at = NULL, updated_at = #{now} WHERE id = #{id} AND status = 'PROCESSING'")
    int succeed(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE refund SET status = 'FAILED', attempts = attempts + 1, last_error = #{error}, next_attempt_at = NULL, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'PROCESSING'")
    int fail(@Param("id") long id, @Param("error") String error, @Param("now") Instant now);

    @Update("UPDATE refund SET attempts = attempts + 1, last_error = #{error}, next_attempt_at = #{retryAt}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'PROCESSING'")
    int retryLater(@Param("id") long id, @Param("error") String error, @Param("retryAt") Instant retryAt,
            @Param("now") Instant now);

    @Select("SELECT id FROM refund WHERE status = 'PROCESSING' AND next_attempt_at <= #{now} "
            + "ORDER BY next_attempt_at LIMIT #{limit}")
    List<Long> findDue(@Param("now") Instant now, @Param("limit") int limit);
}
