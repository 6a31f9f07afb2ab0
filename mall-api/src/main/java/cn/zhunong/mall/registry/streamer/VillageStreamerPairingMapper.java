package cn.zhunong.mall.registry.streamer;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface VillageStreamerPairingMapper extends BaseMapper<VillageStreamerPairing> {

    /**
     * Compare-and-set status change: only succeeds while the row still has status {@code from}.
     * Ending a pairing also closes its period at today (never before its start, never later than a planned end).
     */
    @Update("""
            UPDATE village_streamer_pairing
            SET status = #{to}, updated_at = #{now},
                end_date = CASE WHEN #{to} = 'ENDED' AND (end_date IS NULL OR end_date > #{today})
                                THEN GREATEST(start_date, #{today}) ELSE end_date END
            WHERE id = #{id} AND status = #{from}
            """)
    int changeStatus(@Param("id") long id, @Param("from") PairingStatus from, @Param("to") PairingStatus to,
            @Param("today") LocalDate today, @Param("now") Instant now);
}
