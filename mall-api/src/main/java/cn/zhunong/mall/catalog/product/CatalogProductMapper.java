package cn.zhunong.mall.catalog.product;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Named apart from any order-side product mapper so both can live in one application context. */
@Mapper
public interface CatalogProductMapper extends BaseMapper<Product> {

    /** The product, locked: every change to a product or its parts runs one at a time per product. */
    @Select("SELECT * FROM product WHERE id = #{id} FOR UPDATE")
    Product lockById(@Param("id") long id);

    /** Moves the status only if it is still {@code from} (compare-and-set); 1 when it moved. */
    @Update("""
            UPDATE product SET status = #{to}, off_sale_reason = #{reason,jdbcType=VARCHAR},
                   on_sale_at = CASE WHEN #{to} = 'ON_SALE' THEN COALESCE(on_sale_at, #{now}) ELSE on_sale_at END,
                   updated_at = #{now}
            WHERE id = #{id} AND status = #{from}""")
    int transition(@Param("id") long id, @Param("from") ProductStatus from, @Param("to") ProductStatus to,
            @Param("reason") OffSaleReason reason, @Param("now") Instant now);

    /** Lowest price among the product's ACTIVE SKUs (null when there is none), for sorting and price filters. */
    @Update("""
            UPDATE product SET min_price_fen = (SELECT MIN(s.price_fen) FROM sku s
                                                WHERE s.product_id = #{id} AND s.status = 'ACTIVE')
            WHERE id = #{id}""")
    int refreshMinPrice(@Param("id") long id);

    /** On-sale products that claim a certification whose last valid day is before {@code today}. */
    @Select("""
            SELECT p.id FROM product p
            WHERE p.status = 'ON_SALE' AND EXISTS (SELECT 1 FROM product_certification c
                                                   WHERE c.product_id = p.id AND c.valid_to < #{today})""")
    List<Long> onSaleWithExpiredCertification(@Param("today") LocalDate today);

    @Select("SELECT COUNT(*) FROM product_certification WHERE product_id = #{id} AND valid_to < #{today}")
    long countExpiredCertifications(@Param("id") long id, @Param("today") LocalDate today);

    @Select("SELECT id FROM product WHERE village_id = #{villageId}")
    List<Long> idsOfVillage(@Param("villageId") long villageId);

    /** Keeps the denormalised agency in step after a village moved to another agency. */
    @Update("UPDATE product SET agency_id = #{agencyId} WHERE village_id = #{villageId} AND agency_id <> #{agencyId}")
    int syncAgency(@Param("villageId") long villageId, @Param("agencyId") long agencyId);

    /** Products that show this household: it supplied a lot of one of their SKUs, or a SKU earns for it. */
    @Select("""
            SELECT s.product_id FROM sku s WHERE s.household_id = #{householdId}
            UNION
            SELECT s.product_id FROM source_lot l JOIN sku s ON s.id = l.sku_id WHERE l.household_id = #{householdId}""")
    List<Long> idsShowingHousehold(@Param("householdId") long householdId);
}
