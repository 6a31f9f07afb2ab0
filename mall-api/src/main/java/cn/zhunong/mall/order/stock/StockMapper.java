package cn.zhunong.mall.order.stock;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The stock column of sku: the truth. New orders take from it in {@code OrderRows#takeStock}, a
 * conditional update, so it never goes negative.
 */
@Mapper
public interface StockMapper {

    @Update("UPDATE sku SET stock = stock + #{qty} WHERE id = #{skuId}")
    int giveBack(@Param("skuId") long skuId, @Param("qty") int qty);

    @Update("UPDATE sku SET sold_units = sold_units + #{qty} WHERE id = #{skuId}")
    int addSold(@Param("skuId") long skuId, @Param("qty") int qty);

    @Update("UPDATE product SET sales_units = sales_units + #{qty} WHERE id = #{productId}")
    int addProductSales(@Param("productId") long productId, @Param("qty") long qty);

    @Select("SELECT stock FROM sku WHERE id = #{skuId}")
    Integer stockOf(@Param("skuId") long skuId);
}
