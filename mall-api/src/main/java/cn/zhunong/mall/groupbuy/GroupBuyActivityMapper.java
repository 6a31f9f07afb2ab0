package cn.zhunong.mall.groupbuy;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface GroupBuyActivityMapper extends BaseMapper<GroupBuyActivity> {
}
