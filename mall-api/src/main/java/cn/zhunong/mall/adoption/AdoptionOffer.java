package cn.zhunong.mall.adoption;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;

/** An adoption offer (认购/认领) of one household's plot, tree or animal. */
@TableName("adoption_offer")
public class AdoptionOffer {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long agencyId;
    private Long villageId;
    private Long householdId;
    private Long skuId;
    private OfferKind kind;
    private String title;
    private String subject;
    private LocalDate harvestDate;
    private Long expectedYieldMilli;
    private YieldUnit yieldUnit;
    private String delivery;
    private Long priceFen;
    private Integer totalItems;
    private Integer adoptedItems;
    private OfferStatus status;
    private Long createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getAgencyId() { return agencyId; }
    public void setAgencyId(Long agencyId) { this.agencyId = agencyId; }
    public Long getVillageId() { return villageId; }
    public void setVillageId(Long villageId) { this.villageId = villageId; }
    public Long getHouseholdId() { return householdId; }
    public void setHouseholdId(Long householdId) { this.householdId = householdId; }
    public Long getSkuId() { return skuId; }
    public void setSkuId(Long skuId) { this.skuId = skuId; }
    public OfferKind getKind() { return kind; }
    public void setKind(OfferKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public LocalDate getHarvestDate() { return harvestDate; }
    public void setHarvestDate(LocalDate harvestDate) { this.harvestDate = harvestDate; }
    public Long getExpectedYieldMilli() { return expectedYieldMilli; }
    public void setExpectedYieldMilli(Long expectedYieldMilli) { this.expectedYieldMilli = expectedYieldMilli; }
    public YieldUnit getYieldUnit() { return yieldUnit; }
    public void setYieldUnit(YieldUnit yieldUnit) { this.yieldUnit = yieldUnit; }
    public String getDelivery() { return delivery; }
    public void setDelivery(String delivery) { this.delivery = delivery; }
    public Long getPriceFen() { return priceFen; }
    public void setPriceFen(Long priceFen) { this.priceFen = priceFen; }
    public Integer getTotalItems() { return totalItems; }
    public void setTotalItems(Integer totalItems) { this.totalItems = totalItems; }
    public Integer getAdoptedItems() { return adoptedItems; }
    public void setAdoptedItems(Integer adoptedItems) { this.adoptedItems = adoptedItems; }
    public OfferStatus getStatus() { return status; }
    public void setStatus(OfferStatus status) { this.status = status; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
