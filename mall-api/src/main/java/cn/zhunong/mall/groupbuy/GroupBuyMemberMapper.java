package cn.zhunong.mall.groupbuy;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface GroupBuyMemberMapper extends BaseMapper<GroupBuyMember> {

    /** The member row of an order: written before the order, with the order's own idempotency key. */
    @Select("SELECT * FROM group_buy_member WHERE user_id = #{userId} AND idempotency_key = #{key}")
    GroupBuyMember findByUserKey(@Param("userId") long userId, @Param("key") String key);

    @Update("UPDATE group_buy_member SET order_id = #{orderId}, updated_at = #{now} WHERE id = #{id} AND order_id IS NULL")
    int attachOrder(@Param("id") long id, @Param("orderId") long orderId, @Param("now") Instant now);

    /**
     * Units the citizen holds in the activity: unpaid or paid group orders that are not closed. A row
     * without an order counts only while young (its order may still be being written).
     */
    @Select("SELECT COALESCE(SUM(m.quantity), 0) FROM group_buy_member m LEFT JOIN orders o ON o.id = m.order_id "
            + "WHERE m.activity_id = #{activityId} AND m.user_id = #{userId} AND m.status IN ('PENDING','PAID') "
            + "AND ((m.order_id IS NULL AND m.created_at > #{youngSince}) OR o.status <> 'CLOSED')")
    long unitsHeld(@Param("activityId") long activityId, @Param("userId") long userId, @Param("youngSince") Instant youngSince);

    @Select("SELECT COUNT(*) FROM group_buy_member m LEFT JOIN orders o ON o.id = m.order_id "
            + "WHERE m.group_buy_id = #{groupId} AND m.user_id = #{userId} AND m.status IN ('PENDING','PAID') "
            + "AND (m.order_id IS NULL OR o.status <> 'CLOSED')")
    int countLiveInGroup(@Param("groupId") long groupId, @Param("userId") long userId);

    @Update("UPDATE group_buy_member SET status = 'PAID', group_buy_id = #{groupId}, role = #{role}, order_id = #{orderId}, "
            + "paid_at = #{now}, updated_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int markPaid(@Param("id") long id, @Param("groupId") long groupId, @Param("role") MemberRole role,
            @Param("orderId") long orderId, @Param("now") Instant now);

    @Update("UPDATE group_buy_member SET status = 'REFUNDING', order_id = #{orderId}, refund_id = #{refundId}, "
            + "paid_at = COALESCE(paid_at, #{now}), updated_at = #{now} WHERE id = #{id} AND status IN ('PENDING','PAID')")
    int markRefunding(@Param("id") long id, @Param("orderId") long orderId, @Param("refundId") long refundId,
            @Param("now") Instant now);

    /**
     * The seated orders, read with a lock: a plain read would see the transaction's snapshot, taken
     * before the other seats' commits; the locking read sees them all (their payers committed before
     * releasing the group row this transaction now holds).
     */
    @Select("SELECT order_id FROM group_buy_member WHERE group_buy_id = #{groupId} AND status = 'PAID' "
            + "ORDER BY paid_at, id FOR UPDATE")
    List<Long> paidOrderIds(@Param("groupId") long groupId);

    /** The paid members with the latest committed state (a locking read), for the failure of their group. */
    @Select("SELECT * FROM group_buy_member WHERE group_buy_id = #{groupId} AND status = 'PAID' ORDER BY id FOR UPDATE")
    List<GroupBuyMember> lockPaid(@Param("groupId") long groupId);

    @Select("SELECT * FROM group_buy_member WHERE group_buy_id = #{groupId} AND status = 'PENDING' ORDER BY id")
    List<GroupBuyMember> findPending(@Param("groupId") long groupId);
}
