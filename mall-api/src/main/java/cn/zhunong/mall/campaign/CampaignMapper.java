package cn.zhunong.mall.campaign;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CampaignMapper extends BaseMapper<Campaign> {

    @Select("SELECT * FROM campaign WHERE code = #{code}")
    Campaign findByCode(@Param("code") String code);

    @Select("SELECT village_id FROM campaign_village WHERE campaign_id = #{id} ORDER BY village_id")
    List<Long> villageIds(@Param("id") long id);

    @Select("SELECT product_id FROM campaign_product WHERE campaign_id = #{id} ORDER BY product_id")
    List<Long> productIds(@Param("id") long id);

    @Delete("DELETE FROM campaign_village WHERE campaign_id = #{id}")
    int clearVillages(@Param("id") long id);

    @Delete("DELETE FROM campaign_product WHERE campaign_id = #{id}")
    int clearProducts(@Param("id") long id);

    @Insert("INSERT INTO campaign_village (campaign_id, village_id) VALUES (#{id}, #{villageId})")
    int addVillage(@Param("id") long id, @Param("villageId") long villageId);

    @Insert("INSERT INTO campaign_product (campaign_id, product_id) VALUES (#{id}, #{productId})")
    int addProduct(@Param("id") long id, @Param("productId") long productId);

    @Select("""
            <script>
            SELECT id FROM village WHERE id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<Long> existingVillages(@Param("ids") Collection<Long> ids);

    @Select("""
            <script>
            SELECT id FROM product WHERE id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<Long> existingProducts(@Param("ids") Collection<Long> ids);

    @Select("SELECT id FROM campaign_tag WHERE code = #{code}")
    Long tagIdByCode(@Param("code") String code);

    @Select("SELECT code FROM campaign_tag WHERE id = #{id}")
    String tagCode(@Param("id") long id);

    @Select("SELECT name FROM agency WHERE id = #{id}")
    String agencyName(@Param("id") long id);
}
