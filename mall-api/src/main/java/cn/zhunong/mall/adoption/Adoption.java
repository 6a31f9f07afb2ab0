package cn.zhunong.mall.adoption;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;

/** One citizen's adoption: its order, its agreement snapshot and, later, the harvest delivery. */
@TableName("adoption")
public class Adoption {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long offerId;
    private Long agencyId;
    private Long userId;
    private String idempotencyKey;
    private Long orderId;
    private Integer items;
    private AdoptionStatus status;
    private String agreementNo;
    private String agreementHtml;
    private Long deliveredMilli;
    private LocalDate deliveredOn;
    private String deliveryEvidence;
    private Long deliveredBy;
    private Instant deliveredAt;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOfferId() { return offerId; }
    public void setOfferId(Long offerId) { this.offerId = offerId; }
    public Long getAgencyId() { return agencyId; }
    public void setAgencyId(Long agencyId) { this.agencyId = agencyId; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public Long getOrderId() { return orderId; }
    public void setOrderId(Long orderId) { this.orderId = orderId; }
    public Integer getItems() { return items; }
    public void setItems(Integer items) { this.items = items; }
    public AdoptionStatus getStatus() { return status; }
    public void setStatus(AdoptionStatus status) { this.status = status; }
    public String getAgreementNo() { return agreementNo; }
    public void setAgreementNo(String agreementNo) { this.agreementNo = agreementNo; }
    public String getAgreementHtml() { return agreementHtml; }
    public void setAgreementHtml(String agreementHtml) { this.agreementHtml = agreementHtml; }
    public Long getDeliveredMilli() { return deliveredMilli; }
    public void setDeliveredMilli(Long deliveredMilli) { this.deliveredMilli = deliveredMilli; }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public void setDeliveredOn(LocalDate deliveredOn) { this.deliveredOn = deliveredOn; }
    public String getDeliveryEvidence() { return deliveryEvidence; }
    public void setDeliveryEvidence(String deliveryEvidence) { this.deliveryEvidence = deliveryEvidence; }
    public Long getDeliveredBy() { return deliveredBy; }
    public void setDeliveredBy(Long deliveredBy) { this.deliveredBy = deliveredBy; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public void setDeliveredAt(Instant deliveredAt) { this.deliveredAt = deliveredAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
