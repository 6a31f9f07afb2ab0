package cn.zhunong.mall.catalog.shipping;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** Named apart from any order-side shipping mapper so both can live in one application context. */
@Mapper
public interface CatalogShippingTemplateMapper extends BaseMapper<ShippingTemplate> {
}
