package cn.zhunong.mall.catalog.sku;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;

/** Units of a SKU a household supplied, earning either a purchase price 收购价 per unit or an income share. */
@TableName("source_lot")
public class SourceLot {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long skuId;
    private Long householdId;
    private Integer unitsSupplied;
    private Integer unitsAllocated;
    private Long purchasePriceFen;
    private Integer incomeShareBp;
    private LocalDate receivedOn;
    private Instant createdAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getSkuId() {
        return skuId;
    }

    public void setSkuId(Long skuId) {
        this.skuId = skuId;
    }

    public Long getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(Long householdId) {
        this.householdId = householdId;
    }

    public Integer getUnitsSupplied() {
        return unitsSupplied;
    }

    public void setUnitsSupplied(Integer unitsSupplied) {
        this.unitsSupplied = unitsSupplied;
    }

    public Integer getUnitsAllocated() {
        return unitsAllocated;
    }

    public void setUnitsAllocated(Integer unitsAllocated) {
        this.unitsAllocated = unitsAllocated;
    }

    public Long getPurchasePriceFen() {
        return purchasePriceFen;
    }

    public void setPurchasePriceFen(Long purchasePriceFen) {
        this.purchasePriceFen = purchasePriceFen;
    }

    public Integer getIncomeShareBp() {
        return incomeShareBp;
    }

    public void setIncomeShareBp(Integer incomeShareBp) {
        this.incomeShareBp = incomeShareBp;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
