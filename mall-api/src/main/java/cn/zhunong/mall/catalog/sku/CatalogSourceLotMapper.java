package cn.zhunong.mall.catalog.sku;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Named apart from any order-side lot mapper so both can live in one application context. */
@Mapper
public interface CatalogSourceLotMapper extends BaseMapper<SourceLot> {

    /** Deletes the lot only while no sale has drawn on it; 1 when deleted. */
    @Delete("DELETE FROM source_lot WHERE id = #{id} AND units_allocated = 0")
    int deleteIfUnused(@Param("id") long id);
}
