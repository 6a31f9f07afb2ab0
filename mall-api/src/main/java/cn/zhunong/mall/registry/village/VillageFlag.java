package cn.zhunong.mall.registry.village;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;

/** One period during which a village holds a flag; {@code effectiveTo} is inclusive, null means open-ended. */
@TableName("village_flag")
public class VillageFlag {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long villageId;
    private VillageFlagType flag;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private Instant createdAt;

    public boolean inForceOn(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || !effectiveTo.isBefore(day));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getVillageId() {
        return villageId;
    }

    public void setVillageId(Long villageId) {
        this.villageId = villageId;
    }

    public VillageFlagType getFlag() {
        return flag;
    }

    public void setFlag(VillageFlagType flag) {
        this.flag = flag;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public LocalDate getEffectiveTo() {
        return effectiveTo;
    }

    public void setEffectiveTo(LocalDate effectiveTo) {
        this.effectiveTo = effectiveTo;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
