package cn.zhunong.mall.registry.village;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface VillageMapper extends BaseMapper<Village> {

    /** Locks the village row so flag changes on one village happen one at a time (overlap check + write). */
    @Select("SELECT id FROM village WHERE id = #{id} FOR UPDATE")
    Long lockById(@Param("id") long id);
}
