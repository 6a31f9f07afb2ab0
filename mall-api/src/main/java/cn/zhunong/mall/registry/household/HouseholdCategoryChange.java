package cn.zhunong.mall.registry.household;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;

/** One row of a household's category history; the latest row equals the household's category. */
@TableName("household_category_history")
public class HouseholdCategoryChange {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long householdId;
    private HouseholdCategory category;
    private LocalDate effectiveFrom;
    private String reason;
    private Long changedBy;
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getHouseholdId() { return householdId; }
    public void setHouseholdId(Long householdId) { this.householdId = householdId; }
    public HouseholdCategory getCategory() { return category; }
    public void setCategory(HouseholdCategory category) { this.category = category; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getChangedBy() { return changedBy; }
    public void setChangedBy(Long changedBy) { this.changedBy = changedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
