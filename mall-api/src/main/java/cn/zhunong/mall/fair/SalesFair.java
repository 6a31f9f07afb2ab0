package cn.zhunong.mall.fair;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;

/** A community sales fair (展销) and the buyer account its sales are ordered under. */
@TableName("sales_fair")
public class SalesFair {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long agencyId;
    private Long buyerUserId;
    private String name;
    private String place;
    private LocalDate fairDate;
    private String campaignCode;
    private String provinceCode;
    private byte[] contactPhoneEnc;
    private String contactPhoneMasked;
    private Long createdBy;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getAgencyId() { return agencyId; }
    public void setAgencyId(Long agencyId) { this.agencyId = agencyId; }
    public Long getBuyerUserId() { return buyerUserId; }
    public void setBuyerUserId(Long buyerUserId) { this.buyerUserId = buyerUserId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public LocalDate getFairDate() { return fairDate; }
    public void setFairDate(LocalDate fairDate) { this.fairDate = fairDate; }
    public String getCampaignCode() { return campaignCode; }
    public void setCampaignCode(String campaignCode) { this.campaignCode = campaignCode; }
    public String getProvinceCode() { return provinceCode; }
    public void setProvinceCode(String provinceCode) { this.provinceCode = provinceCode; }
    public byte[] getContactPhoneEnc() { return contactPhoneEnc; }
    public void setContactPhoneEnc(byte[] contactPhoneEnc) { this.contactPhoneEnc = contactPhoneEnc; }
    public String getContactPhoneMasked() { return contactPhoneMasked; }
    public void setContactPhoneMasked(String contactPhoneMasked) { this.contactPhoneMasked = contactPhoneMasked; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
