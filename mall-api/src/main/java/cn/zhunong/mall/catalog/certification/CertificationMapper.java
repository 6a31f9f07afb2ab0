package cn.zhunong.mall.catalog.certification;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface CertificationMapper extends BaseMapper<Certification> {
}
