package cn.zhunong.mall.order;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** An order of one buyer for the lines of one agency; see V7__orders_payments.sql. */
@TableName("orders")
public class Order {

    @TableId(type = IdType.AUTO)
    private Long id;
    /** our out_trade_no at Alipay */
    private String orderNo;
    private Long userId;
    private Long agencyId;
    private String idempotencyKey;
    private String requestHash;
    private OrderStatus status;
    private Long goodsFen;
    private Long shippingFen;
    private Long totalFen;
    private String receiverName;
    private byte[] receiverPhoneEnc;
    private String receiverPhoneMasked;
    private String provinceCode;
    private String receiverAddress;
    private String buyerNote;
    private String campaignCode;
    private Long liveSessionId;
    private Long streamerId;
    private Long groupBuyId;
    /** the in-room flash sale whose unit this order holds (given back if the order closes unpaid) */
    private Long flashSaleId;
    private Instant expiresAt;
    private String payChannel;
    private PaymentMethod paymentMethod;
    private Instant paymentStartedAt;
    private String alipayTradeNo;
    private Long paidFen;
    private Long refundedFen;
    private Instant paidAt;
    private Instant shippedAt;
    private Instant receivedAt;
    private Instant completedAt;
    private Instant closedAt;
    private CloseReason closeReason;
    private String carrier;
    private String trackingNo;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getOrderNo() {
        return orderNo;
    }

    public void setOrderNo(String orderNo) {
        this.orderNo = orderNo;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(Long agencyId) {
        this.agencyId = agencyId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public void setRequestHash(String requestHash) {
        this.requestHash = requestHash;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public Long getGoodsFen() {
        return goodsFen;
    }

    public void setGoodsFen(Long goodsFen) {
        this.goodsFen = goodsFen;
    }

    public Long getShippingFen() {
        return shippingFen;
    }

    public void setShippingFen(Long shippingFen) {
        this.shippingFen = shippingFen;
    }

    public Long getTotalFen() {
        return totalFen;
    }

    public void setTotalFen(Long totalFen) {
        this.totalFen = totalFen;
    }

    public String getReceiverName() {
        return receiverName;
    }

    public void setReceiverName(String receiverName) {
        this.receiverName = receiverName;
    }

    public byte[] getReceiverPhoneEnc() {
        return receiverPhoneEnc;
    }

    public void setReceiverPhoneEnc(byte[] receiverPhoneEnc) {
        this.receiverPhoneEnc = receiverPhoneEnc;
    }

    public String getReceiverPhoneMasked() {
        return receiverPhoneMasked;
    }

    public void setReceiverPhoneMasked(String receiverPhoneMasked) {
        this.receiverPhoneMasked = receiverPhoneMasked;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public void setProvinceCode(String provinceCode) {
        this.provinceCode = provinceCode;
    }

    public String getReceiverAddress() {
        return receiverAddress;
    }

    public void setReceiverAddress(String receiverAddress) {
        this.receiverAddress = receiverAddress;
    }

    public String getBuyerNote() {
        return buyerNote;
    }

    public void setBuyerNote(String buyerNote) {
        this.buyerNote = buyerNote;
    }

    public String getCampaignCode() {
        return campaignCode;
    }

    public void setCampaignCode(String campaignCode) {
        this.campaignCode = campaignCode;
    }

    public Long getLiveSessionId() {
        return liveSessionId;
    }

    public void setLiveSessionId(Long liveSessionId) {
        this.liveSessionId = liveSessionId;
    }

    public Long getStreamerId() {
        return streamerId;
    }

    public void setStreamerId(Long streamerId) {
        this.streamerId = streamerId;
    }

    public Long getGroupBuyId() {
        return groupBuyId;
    }

    public void setGroupBuyId(Long groupBuyId) {
        this.groupBuyId = groupBuyId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public String getPayChannel() {
        return payChannel;
    }

    public void setPayChannel(String payChannel) {
        this.payChannel = payChannel;
    }

    public Instant getPaymentStartedAt() {
        return paymentStartedAt;
    }

    public void setPaymentStartedAt(Instant paymentStartedAt) {
        this.paymentStartedAt = paymentStartedAt;
    }

    public String getAlipayTradeNo() {
        return alipayTradeNo;
    }

    public void setAlipayTradeNo(String alipayTradeNo) {
        this.alipayTradeNo = alipayTradeNo;
    }

    public Long getPaidFen() {
        return paidFen;
    }

    public void setPaidFen(Long paidFen) {
        this.paidFen = paidFen;
    }

    public Long getRefundedFen() {
        return refundedFen;
    }

    public void setRefundedFen(Long refundedFen) {
        this.refundedFen = refundedFen;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public void setPaidAt(Instant paidAt) {
        this.paidAt = paidAt;
    }

    public Instant getShippedAt() {
        return shippedAt;
    }

    public void setShippedAt(Instant shippedAt) {
        this.shippedAt = shippedAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    public CloseReason getCloseReason() {
        return closeReason;
    }

    public void setCloseReason(CloseReason closeReason) {
        this.closeReason = closeReason;
    }

    public String getCarrier() {
        return carrier;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    public String getTrackingNo() {
        return trackingNo;
    }

    public void setTrackingNo(String trackingNo) {
        this.trackingNo = trackingNo;
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

    public Long getFlashSaleId() {
        return flashSaleId;
    }

    public void setFlashSaleId(Long flashSaleId) {
        this.flashSaleId = flashSaleId;
    }
}
