package cn.zhunong.mall.order;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One SKU of an order with the snapshot of product, price and income rule taken at checkout. */
@TableName("order_line")
public class OrderLine {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long orderId;
    private Long skuId;
    private Long productId;
    private Long villageId;
    private String productName;
    private String skuSpec;
    private String unit;
    private Long unitPriceFen;
    private Integer quantity;
    private Long lineFen;
    private Long reportMilliUnits;
    private Integer weightGrams;
    private Boolean perishable;
    /** all income of the line goes to this household (snapshot of sku.household_id) */
    private Long householdId;
    /** else: JSON snapshot of the open source lots */
    private String incomeLots;
    private LineRefundStatus refundStatus;
    private Long refundedFen;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public Long getSkuId() {
        return skuId;
    }

    public void setSkuId(Long skuId) {
        this.skuId = skuId;
    }

    public Long getProductId() {
        return productId;
    }

    public void setProductId(Long productId) {
        this.productId = productId;
    }

    public Long getVillageId() {
        return villageId;
    }

    public void setVillageId(Long villageId) {
        this.villageId = villageId;
    }

    public String getProductName() {
        return productName;
    }

    public void setProductName(String productName) {
        this.productName = productName;
    }

    public String getSkuSpec() {
        return skuSpec;
    }

    public void setSkuSpec(String skuSpec) {
        this.skuSpec = skuSpec;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public Long getUnitPriceFen() {
        return unitPriceFen;
    }

    public void setUnitPriceFen(Long unitPriceFen) {
        this.unitPriceFen = unitPriceFen;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public Long getLineFen() {
        return lineFen;
    }

    public void setLineFen(Long lineFen) {
        this.lineFen = lineFen;
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

    public Boolean getPerishable() {
        return perishable;
    }

    public void setPerishable(Boolean perishable) {
        this.perishable = perishable;
    }

    public Long getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(Long householdId) {
        this.householdId = householdId;
    }

    public String getIncomeLots() {
        return incomeLots;
    }

    public void setIncomeLots(String incomeLots) {
        this.incomeLots = incomeLots;
    }

    public LineRefundStatus getRefundStatus() {
        return refundStatus;
    }

    public void setRefundStatus(LineRefundStatus refundStatus) {
        this.refundStatus = refundStatus;
    }

    public Long getRefundedFen() {
        return refundedFen;
    }

    public void setRefundedFen(Long refundedFen) {
        this.refundedFen = refundedFen;
    }
}
