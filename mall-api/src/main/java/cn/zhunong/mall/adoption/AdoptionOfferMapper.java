package cn.zhunong.mall.adoption;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Adoption offers. Items are taken and given back only by conditional updates: never more than total_items. */
@Mapper
public interface AdoptionOfferMapper extends BaseMapper<AdoptionOffer> {

    @Update("UPDATE adoption_offer SET adopted_items = adopted_items + #{n}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'OPEN' AND adopted_items + #{n} <= total_items")
    int take(@Param("id") long id, @Param("n") int n, @Param("now") Instant now);

    @Update("UPDATE adoption_offer SET adopted_items = adopted_items - #{n}, updated_at = #{now} "
            + "WHERE id = #{id} AND adopted_items >= #{n}")
    int giveBack(@Param("id") long id, @Param("n") int n, @Param("now") Instant now);

    @Update("UPDATE adoption_offer SET status = 'CLOSED', updated_at = #{now} WHERE id = #{id} AND status = 'OPEN'")
    int close(@Param("id") long id, @Param("now") Instant now);
}
