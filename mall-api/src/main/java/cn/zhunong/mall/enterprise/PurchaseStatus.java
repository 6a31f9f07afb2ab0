package cn.zhunong.mall.enterprise;

/** Where a bulk purchase stands. */
public enum PurchaseStatus {
    /** priced; the organisation may accept it until the quote expires */
    QUOTED,
    /** accepted: recipients and invoice may be given, then it is placed */
    ACCEPTED,
    /** its orders are being created (a retry continues where a failed attempt stopped) */
    PLACING,
    /** every order exists; they are paid through Alipay one by one or by one bank transfer */
    PLACED,
    /** the bank transfer was confirmed and every order marked paid */
    PAID
}
