package cn.zhunong.mall.adoption;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Adoptions. Status changes are compare-and-set updates. */
@Mapper
public interface AdoptionMapper extends BaseMapper<Adoption> {

    /** The adoption an order belongs to: both are keyed by (user_id, idempotency_key). */
    @Select("SELECT * FROM adoption WHERE user_id = #{userId} AND idempotency_key = #{key}")
    Adoption findByUserKey(@Param("userId") long userId, @Param("key") String key);

    @Update("UPDATE adoption SET order_id = #{orderId}, updated_at = #{now} WHERE id = #{id} AND order_id IS NULL")
    int attachOrder(@Param("id") long id, @Param("orderId") long orderId, @Param("now") Instant now);

    @Update("UPDATE adoption SET status = 'RELEASED', updated_at = #{now} WHERE id = #{id} AND status = 'RESERVED'")
    int release(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE adoption SET status = 'DELIVERED', delivered_milli = #{milli}, delivered_on = #{on}, "
            + "delivery_evidence = #{evidence}, delivered_by = #{by}, delivered_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'RESERVED'")
    int deliver(@Param("id") long id, @Param("milli") long milli, @Param("on") LocalDate on,
            @Param("evidence") String evidence, @Param("by") long by, @Param("now") Instant now);
}
