package cn.zhunong.mall.catalog.shipping;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** How an agency charges shipping; excludedRegions is a JSON array of 2-digit province codes not served. */
@TableName("shipping_template")
public class ShippingTemplate {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long agencyId;
    private String name;
    private ShippingMode mode;
    private Long flatFeeFen;
    private Long firstKgFeeFen;
    private Long extraKgFeeFen;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long freeOverFen;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String excludedRegions;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(Long agencyId) {
        this.agencyId = agencyId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ShippingMode getMode() {
        return mode;
    }

    public void setMode(ShippingMode mode) {
        this.mode = mode;
    }

    public Long getFlatFeeFen() {
        return flatFeeFen;
    }

    public void setFlatFeeFen(Long flatFeeFen) {
        this.flatFeeFen = flatFeeFen;
    }

    public Long getFirstKgFeeFen() {
        return firstKgFeeFen;
    }

    public void setFirstKgFeeFen(Long firstKgFeeFen) {
        this.firstKgFeeFen = firstKgFeeFen;
    }

    public Long getExtraKgFeeFen() {
        return extraKgFeeFen;
    }

    public void setExtraKgFeeFen(Long extraKgFeeFen) {
        this.extraKgFeeFen = extraKgFeeFen;
    }

    public Long getFreeOverFen() {
        return freeOverFen;
    }

    public void setFreeOverFen(Long freeOverFen) {
        this.freeOverFen = freeOverFen;
    }

    public String getExcludedRegions() {
        return excludedRegions;
    }

    public void setExcludedRegions(String excludedRegions) {
        this.excludedRegions = excludedRegions;
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
