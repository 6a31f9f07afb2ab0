package cn.zhunong.mall.registry.streamer;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface StreamerMapper extends BaseMapper<Streamer> {
}
