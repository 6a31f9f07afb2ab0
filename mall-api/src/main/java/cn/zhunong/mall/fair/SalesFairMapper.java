package cn.zhunong.mall.fair;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SalesFairMapper extends BaseMapper<SalesFair> {

    @Insert("INSERT INTO sales_fair_village (fair_id, village_id) VALUES (#{fairId}, #{villageId})")
    int addVillage(@Param("fairId") long fairId, @Param("villageId") long villageId);

    @Select("SELECT village_id FROM sales_fair_village WHERE fair_id = #{fairId} ORDER BY village_id")
    List<Long> villages(@Param("fairId") long fairId);

    /**
     * A fair sale is paid on the spot and carried away: OFFLINE, and no shipping fee (checkout
     * priced one from the SKUs' templates). Only while the order is still unpaid.
     */
    @Update("UPDATE orders SET payment_method = 'OFFLINE', shipping_fen = 0, total_fen = goods_fen, updated_at = #{now} "
            + "WHERE id = #{orderId} AND user_id = #{buyerUserId} AND status = 'CREATED'")
    int markOffline(@Param("orderId") long orderId, @Param("buyerUserId") long buyerUserId, @Param("now") Instant now);
}
