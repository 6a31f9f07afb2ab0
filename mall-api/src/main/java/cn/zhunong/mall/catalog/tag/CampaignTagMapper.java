package cn.zhunong.mall.catalog.tag;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CampaignTagMapper extends BaseMapper<CampaignTag> {

    @Select("""
            SELECT t.* FROM campaign_tag t JOIN product_campaign_tag pt ON pt.tag_id = t.id
            WHERE pt.product_id = #{productId} ORDER BY t.sort_order, t.id""")
    List<CampaignTag> tagsOfProduct(@Param("productId") long productId);

    @Select("SELECT product_id FROM product_campaign_tag WHERE tag_id = #{tagId}")
    List<Long> productsWithTag(@Param("tagId") long tagId);

    @Delete("DELETE FROM product_campaign_tag WHERE product_id = #{productId}")
    int unlinkAll(@Param("productId") long productId);

    @Insert("INSERT INTO product_campaign_tag (product_id, tag_id) VALUES (#{productId}, #{tagId})")
    int link(@Param("productId") long productId, @Param("tagId") long tagId);
}
