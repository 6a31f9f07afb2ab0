package cn.zhunong.mall.registry.household;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface HouseholdMapper extends BaseMapper<Household> {

    /** Locks the row for a read-modify-write such as a category change. */
    @Select("SELECT * FROM household WHERE id = #{id} FOR UPDATE")
    Household selectForUpdate(long id);
}
