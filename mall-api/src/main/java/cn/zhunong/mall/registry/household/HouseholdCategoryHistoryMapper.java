package cn.zhunong.mall.registry.household;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface HouseholdCategoryHistoryMapper extends BaseMapper<HouseholdCategoryChange> {
}
