package cn.zhunong.mall.registry.village;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface VillageFlagMapper extends BaseMapper<VillageFlag> {

    /** Periods of the same flag on the village that share at least one day with [from, to] (to null = open). */
    @Select("""
            SELECT COUNT(*) FROM village_flag
            WHERE village_id = #{villageId} AND flag = #{flag} AND id <> #{exceptId}
              AND (#{to,jdbcType=DATE} IS NULL OR effective_from <= #{to,jdbcType=DATE})
              AND (effective_to IS NULL OR effective_to >= #{from})
            """)
    long countOverlapping(@Param("villageId") long villageId, @Param("flag") VillageFlagType flag,
            @Param("from") LocalDate from, @Param("to") LocalDate to, @Param("exceptId") long exceptId);
}
