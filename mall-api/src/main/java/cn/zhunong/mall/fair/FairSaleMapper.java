package cn.zhunong.mall.fair;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface FairSaleMapper extends BaseMapper<FairSale> {

    @Select("SELECT * FROM sales_fair_sale WHERE order_id = #{orderId}")
    FairSale findByOrder(@Param("orderId") long orderId);
}
