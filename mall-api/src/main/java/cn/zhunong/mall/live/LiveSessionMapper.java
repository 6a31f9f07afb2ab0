package cn.zhunong.mall.live;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface LiveSessionMapper extends BaseMapper<LiveSession> {

    /** Compare-and-set of the status: 0 rows means another request moved it first. */
    @Update("UPDATE live_session SET status = #{to}, updated_at = #{now}, "
            + "started_at = CASE WHEN #{to} = 'LIVE' THEN #{now} ELSE started_at END, "
            + "ended_at = CASE WHEN #{to} IN ('ENDED','CANCELLED') THEN #{now} ELSE ended_at END "
            + "WHERE id = #{id} AND status = #{from}")
    int transition(@Param("id") long id, @Param("from") LiveSessionStatus from, @Param("to") LiveSessionStatus to,
            @Param("now") Instant now);
}
