package cn.zhunong.mall.order.stock;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The stock column of sku: the truth. Reservation is a conditional update, so it can never go negative. */
@Mapper
public interface StockMapper {

    /** 1 when the units were taken, 0 when fewer than {@code qty} are left. */
    @Update("UPDATE sku SET stock = stock - #{qty} WHERE id = #{skuId} AND stock >= #{qty}")
    int take(@Param("skuId") long skuId, @Param("qty") int qty);

    @Update("UPDATE sku SET stock = stock + #{qty} WHERE id = #{skuId}")
    int giveBack(@Param("skuId") long skuId, @Param("qty") int qty);

    @Update("UPDATE sku SET sold_units = sold_units + #{qty} WHERE id = #{skuId}")
    int addSold(@Param("skuId") long skuId, @Param("qty") int qty);

    @Update("UPDATE product SET sales_units = sales_units + #{qty} WHERE id = #{productId}")
    int addProductSales(@Param("productId") long productId, @Param("qty") long qty);

    @Select("SELECT stock FROM sku WHERE id = #{skuId}")
    Integer stockOf(@Param("skuId") long skuId);
}
