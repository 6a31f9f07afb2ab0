package cn.zhunong.mall.groupbuy;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface GroupBuyMapper extends BaseMapper<GroupBuy> {

    /**
     * Takes one seat: the only statement that raises paid_members. Under its row lock concurrent
     * payers are counted one after the other, so at most {@code size} of them get 1 row.
     */
    @Update("UPDATE group_buy SET paid_members = paid_members + 1, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'OPEN' AND paid_members < size AND expires_at > #{now}")
    int takeSeat(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE group_buy SET status = 'SUCCEEDED', succeeded_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'OPEN' AND paid_members = size")
    int succeedIfFull(@Param("id") long id, @Param("now") Instant now);

    /** OPEN -> FAILED once expired; competes with {@link #takeSeat} on the row, so a group is never both. */
    @Update("UPDATE group_buy SET status = 'FAILED', failed_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'OPEN' AND expires_at <= #{now}")
    int fail(@Param("id") long id, @Param("now") Instant now);

    @Select("SELECT id FROM group_buy WHERE status = 'OPEN' AND expires_at <= #{now} ORDER BY expires_at LIMIT #{limit}")
    List<Long> findExpired(@Param("now") Instant now, @Param("limit") int limit);

    @Select("SELECT * FROM group_buy WHERE activity_id = #{activityId} AND status = 'OPEN' AND expires_at > #{now} "
            + "ORDER BY expires_at LIMIT #{limit}")
    List<GroupBuy> findOpen(@Param("activityId") long activityId, @Param("now") Instant now, @Param("limit") int limit);

    /** Points an order at the group it now belongs to (a leader's new group, or a moved payer's). */
    @Update("UPDATE orders SET group_buy_id = #{groupId}, updated_at = #{now} WHERE id = #{orderId}")
    int assignOrder(@Param("orderId") long orderId, @Param("groupId") long groupId, @Param("now") Instant now);

    @Select("SELECT display_name FROM user_account WHERE id = #{userId}")
    String displayName(@Param("userId") long userId);

    /** Serialises one citizen's group orders (the per-user limit); other citizens are not held up. */
    @Select("SELECT id FROM user_account WHERE id = #{userId} FOR UPDATE")
    Long lockUser(@Param("userId") long userId);
}
