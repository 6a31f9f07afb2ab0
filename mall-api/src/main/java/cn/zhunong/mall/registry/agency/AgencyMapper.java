package cn.zhunong.mall.registry.agency;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface AgencyMapper extends BaseMapper<Agency> {
}
