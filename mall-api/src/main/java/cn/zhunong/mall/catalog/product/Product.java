package cn.zhunong.mall.catalog.product;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A listing. Edited only through column-specific updates: orders change sales_units concurrently. */
@TableName("product")
public class Product {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long agencyId;
    private Long villageId;
    private Long categoryId;
    private Long shippingTemplateId;
    private String name;
    private String subtitle;
    private String description;
    private Boolean perishable;
    private ProductStatus status;
    private OffSaleReason offSaleReason;
    private Long salesUnits;
    private Long minPriceFen;
    private Instant onSaleAt;
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

    public Long getVillageId() {
        return villageId;
    }

    public void setVillageId(Long villageId) {
        this.villageId = villageId;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public Long getShippingTemplateId() {
        return shippingTemplateId;
    }

    public void setShippingTemplateId(Long shippingTemplateId) {
        this.shippingTemplateId = shippingTemplateId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSubtitle() {
        return subtitle;
    }

    public void setSubtitle(String subtitle) {
        this.subtitle = subtitle;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Boolean getPerishable() {
        return perishable;
    }

    public void setPerishable(Boolean perishable) {
        this.perishable = perishable;
    }

    public ProductStatus getStatus() {
        return status;
    }

    public void setStatus(ProductStatus status) {
        this.status = status;
    }

    public OffSaleReason getOffSaleReason() {
        return offSaleReason;
    }

    public void setOffSaleReason(OffSaleReason offSaleReason) {
        this.offSaleReason = offSaleReason;
    }

    public Long getSalesUnits() {
        return salesUnits;
    }

    public void setSalesUnits(Long salesUnits) {
        this.salesUnits = salesUnits;
    }

    public Long getMinPriceFen() {
        return minPriceFen;
    }

    public void setMinPriceFen(Long minPriceFen) {
        this.minPriceFen = minPriceFen;
    }

    public Instant getOnSaleAt() {
        return onSaleAt;
    }

    public void setOnSaleAt(Instant onSaleAt) {
        this.onSaleAt = onSaleAt;
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
