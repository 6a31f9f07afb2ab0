package cn.zhunong.mall.enterprise;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface EnterpriseOrgMapper extends BaseMapper<EnterpriseOrg> {
}
