package cn.zhunong.alipaysim;

/** Alipay's trade states ({@code trade_status}). */
public enum TradeStatus {
    /** created (the buyer scanned the code or opened the cashier), not paid yet */
    WAIT_BUYER_PAY,
    /** unpaid and closed (by the merchant or by timeout), or fully refunded */
    TRADE_CLOSED,
    /** paid; refunds are possible */
    TRADE_SUCCESS,
    /** paid and the refund period is over; no more refunds */
    TRADE_FINISHED
}
