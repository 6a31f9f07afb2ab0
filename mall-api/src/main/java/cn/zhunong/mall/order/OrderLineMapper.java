package cn.zhunong.mall.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OrderLineMapper extends BaseMapper<OrderLine> {

    @Select("""
            <script>
            SELECT * FROM order_line WHERE order_id IN
            <foreach collection="orderIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            ORDER BY order_id, id
            </script>
            """)
    List<OrderLine> findByOrderIds(@Param("orderIds") Collection<Long> orderIds);

    @Select("SELECT * FROM order_line WHERE order_id = #{orderId} ORDER BY id")
    List<OrderLine> findByOrderId(@Param("orderId") long orderId);

    @Update("UPDATE order_line SET refund_status = #{to} WHERE id = #{id} AND refund_status = #{from}")
    int moveRefundStatus(@Param("id") long id, @Param("from") LineRefundStatus from, @Param("to") LineRefundStatus to);

    @Update("UPDATE order_line SET refund_status = 'REFUNDED', refunded_fen = refunded_fen + #{amount} "
            + "WHERE id = #{id} AND refund_status = 'REFUNDING'")
    int markRefunded(@Param("id") long id, @Param("amount") long amount);
}
