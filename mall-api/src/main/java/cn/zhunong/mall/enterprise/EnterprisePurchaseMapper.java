package cn.zhunong.mall.enterprise;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** Purchases; every status change is a compare-and-set on the status it expects. */
@Mapper
public interface EnterprisePurchaseMapper extends BaseMapper<EnterprisePurchase> {

    @Update("UPDATE enterprise_purchase SET status = 'ACCEPTED', accepted_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'QUOTED' AND quote_expires_at > #{now}")
    int accept(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE enterprise_purchase SET invoice_title = #{title}, invoice_tax_id = #{taxId}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'ACCEPTED'")
    int setInvoice(@Param("id") long id, @Param("title") String title, @Param("taxId") String taxId, @Param("now") Instant now);

    @Update("UPDATE enterprise_purchase SET recipient_count = #{count}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'ACCEPTED'")
    int setRecipientCount(@Param("id") long id, @Param("count") int count, @Param("now") Instant now);

    /** ACCEPTED -> PLACING with the payment method; a PLACING purchase keeps its method (a retry). */
    @Update("UPDATE enterprise_purchase SET status = 'PLACING', payment_method = #{method}, updated_at = #{now} "
            + "WHERE id = #{id} AND (status = 'ACCEPTED' OR (status = 'PLACING' AND payment_method = #{method}))")
    int startPlacing(@Param("id") long id, @Param("method") String method, @Param("now") Instant now);

    @Update("UPDATE enterprise_purchase SET status = 'PLACED', placed_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'PLACING'")
    int placed(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE enterprise_purchase SET transfer_reference = #{reference}, transfer_recorded_at = #{now}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'PLACED' AND payment_method = 'BANK_TRANSFER'")
    int recordTransfer(@Param("id") long id, @Param("reference") String reference, @Param("now") Instant now);

    @Update("UPDATE enterprise_purchase SET status = 'PAID', confirmed_by = #{admin}, confirmed_at = #{now}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'PLACED'")
    int confirmPaid(@Param("id") long id, @Param("admin") long admin, @Param("now") Instant now);
}
