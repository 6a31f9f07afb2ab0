package cn.zhunong.mall.catalog.sku;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Named apart from any order-side SKU mapper so both can live in one application context. */
@Mapper
public interface CatalogSkuMapper extends BaseMapper<Sku> {

    /** Adds {@code delta} (may be negative) to the stock in one statement, so it composes with order reservations. */
    @Update("""
            UPDATE sku SET stock = stock + #{delta}, updated_at = #{now}
            WHERE id = #{id} AND stock + #{delta} >= 0 AND stock + #{delta} <= 2147483647""")
    int adjustStock(@Param("id") long id, @Param("delta") int delta, @Param("now") Instant now);
}
