package cn.zhunong.mall.campaign;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A campaign orders are attributed to (see {@link CampaignAttribution}); V12__group_buys.sql, V16. */
@TableName("campaign")
public class Campaign {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String code;
    private CampaignType type;
    private String name;
    private Long organiserAgencyId;
    /** the catalog campaign tag whose products count for this campaign; null: none (updates write null too) */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long tagId;
    private Instant startsAt;
    private Instant endsAt;
    /** null: no target; updates write null too */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long targetGmvFen;
    /** null: no target; updates write null too */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long targetUnits;
    /** null: no target; updates write null too */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Integer targetHouseholds;
    private String approvedWording;
    private CampaignStatus status;
    private Long createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public CampaignType getType() {
        return type;
    }

    public void setType(CampaignType type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getOrganiserAgencyId() {
        return organiserAgencyId;
    }

    public void setOrganiserAgencyId(Long organiserAgencyId) {
        this.organiserAgencyId = organiserAgencyId;
    }

    public Long getTagId() {
        return tagId;
    }

    public void setTagId(Long tagId) {
        this.tagId = tagId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(Instant startsAt) {
        this.startsAt = startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(Instant endsAt) {
        this.endsAt = endsAt;
    }

    public Long getTargetGmvFen() {
        return targetGmvFen;
    }

    public void setTargetGmvFen(Long targetGmvFen) {
        this.targetGmvFen = targetGmvFen;
    }

    public Long getTargetUnits() {
        return targetUnits;
    }

    public void setTargetUnits(Long targetUnits) {
        this.targetUnits = targetUnits;
    }

    public Integer getTargetHouseholds() {
        return targetHouseholds;
    }

    public void setTargetHouseholds(Integer targetHouseholds) {
        this.targetHouseholds = targetHouseholds;
    }

    public String getApprovedWording() {
        return approvedWording;
    }

    public void setApprovedWording(String approvedWording) {
        this.approvedWording = approvedWording;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public void setStatus(CampaignStatus status) {
        this.status = status;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(Long createdBy) {
        this.createdBy = createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
