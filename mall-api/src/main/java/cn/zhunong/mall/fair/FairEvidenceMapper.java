package cn.zhunong.mall.fair;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface FairEvidenceMapper extends BaseMapper<FairEvidence> {
}
