package cn.zhunong.mall.fair;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** One recorded fair sale: an OFFLINE order of the fair's buyer account, with its evidence. */
@TableName("sales_fair_sale")
public class FairSale {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long fairId;
    private Long orderId;
    private String evidenceIds;
    private String priceReason;
    private Long recordedBy;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getFairId() { return fairId; }
    public void setFairId(Long fairId) { this.fairId = fairId; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public String getEvidenceIds() { return evidenceIds; }
    public void setEvidenceIds(String evidenceIds) { this.evidenceIds = evidenceIds; }
    public String getPriceReason() { return priceReason; }
    public void setPriceReason(String priceReason) { this.priceReason = priceReason; }
    public Long getRecordedBy() { return recordedBy; }
    public void setRecordedBy(Long recordedBy) { this.recordedBy = recordedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
