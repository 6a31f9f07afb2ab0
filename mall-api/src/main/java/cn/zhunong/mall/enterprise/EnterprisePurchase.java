package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.order.PaymentMethod;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A bulk purchase of an organisation, from quote to payment; see V15__enterprise_purchases.sql. */
@TableName("enterprise_purchase")
public class EnterprisePurchase {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long orgId;
    private Long createdBy;
    private PurchaseStatus status;
    private Long goodsFen;
    private Long listFen;
    private Instant quoteExpiresAt;
    private Instant acceptedAt;
    private Integer recipientCount;
    private String invoiceTitle;
    private String invoiceTaxId;
    private PaymentMethod paymentMethod;
    private Instant placedAt;
    private String transferReference;
    private Instant transferRecordedAt;
    private Long confirmedBy;
    private Instant confirmedAt;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getOrgId() {
        return orgId;
    }

    public void setOrgId(Long orgId) {
        this.orgId = orgId;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(Long createdBy) {
        this.createdBy = createdBy;
    }

    public PurchaseStatus getStatus() {
        return status;
    }

    public void setStatus(PurchaseStatus status) {
        this.status = status;
    }

    public Long getGoodsFen() {
        return goodsFen;
    }

    public void setGoodsFen(Long goodsFen) {
        this.goodsFen = goodsFen;
    }

    public Long getListFen() {
        return listFen;
    }

    public void setListFen(Long listFen) {
        this.listFen = listFen;
    }

    public Instant getQuoteExpiresAt() {
        return quoteExpiresAt;
    }

    public void setQuoteExpiresAt(Instant quoteExpiresAt) {
        this.quoteExpiresAt = quoteExpiresAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public void setAcceptedAt(Instant acceptedAt) {
        this.acceptedAt = acceptedAt;
    }

    public Integer getRecipientCount() {
        return recipientCount;
    }

    public void setRecipientCount(Integer recipientCount) {
        this.recipientCount = recipientCount;
    }

    public String getInvoiceTitle() {
        return invoiceTitle;
    }

    public void setInvoiceTitle(String invoiceTitle) {
        this.invoiceTitle = invoiceTitle;
    }

    public String getInvoiceTaxId() {
        return invoiceTaxId;
    }

    public void setInvoiceTaxId(String invoiceTaxId) {
        this.invoiceTaxId = invoiceTaxId;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public void setPlacedAt(Instant placedAt) {
        this.placedAt = placedAt;
    }

    public String getTransferReference() {
        return transferReference;
    }

    public void setTransferReference(String transferReference) {
        this.transferReference = transferReference;
    }

    public Instant getTransferRecordedAt() {
        return transferRecordedAt;
    }

    public void setTransferRecordedAt(Instant transferRecordedAt) {
        this.transferRecordedAt = transferRecordedAt;
    }

    public Long getConfirmedBy() {
        return confirmedBy;
    }

    public void setConfirmedBy(Long confirmedBy) {
        this.confirmedBy = confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public void setConfirmedAt(Instant confirmedAt) {
        this.confirmedAt = confirmedAt;
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
