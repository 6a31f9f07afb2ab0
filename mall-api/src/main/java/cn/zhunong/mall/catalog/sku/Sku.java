package cn.zhunong.mall.catalog.sku;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** What is bought. stock and sold_units belong to the order path: they are never written from a read copy. */
@TableName("sku")
public class Sku {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long productId;
    private String spec;
    private SkuUnit unit;
    private Long reportMilliUnits;
    private Integer weightGrams;
    private Long priceFen;
    private Integer stock;
    private Long soldUnits;
    private Integer maxPerOrder;
    private Long householdId;
    private SkuStatus status;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getProductId() {
        return productId;
    }

    public void setProductId(Long productId) {
        this.productId = productId;
    }

    public String getSpec() {
        return spec;
    }

    public void setSpec(String spec) {
        this.spec = spec;
    }

    public SkuUnit getUnit() {
        return unit;
    }

    public void setUnit(SkuUnit unit) {
        this.unit = unit;
    }

    public Long getReportMilliUnits() {
        return reportMilliUnits;
    }

    public void setReportMilliUnits(Long reportMilliUnits) {
        this.reportMilliUnits = reportMilliUnits;
    }

    public Integer getWeightGrams() {
        return weightGrams;
    }

    public void setWeightGrams(Integer weightGrams) {
        this.weightGrams = weightGrams;
    }

    public Long getPriceFen() {
        return priceFen;
    }

    public void setPriceFen(Long priceFen) {
        this.priceFen = priceFen;
    }

    public Integer getStock() {
        return stock;
    }

    public void setStock(Integer stock) {
        this.stock = stock;
    }

    public Long getSoldUnits() {
        return soldUnits;
    }

    public void setSoldUnits(Long soldUnits) {
        this.soldUnits = soldUnits;
    }

    public Integer getMaxPerOrder() {
        return maxPerOrder;
    }

    public void setMaxPerOrder(Integer maxPerOrder) {
        this.maxPerOrder = maxPerOrder;
    }

    public Long getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(Long householdId) {
        this.householdId = householdId;
    }

    public SkuStatus getStatus() {
        return status;
    }

    public void setStatus(SkuStatus status) {
        this.status = status;
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
