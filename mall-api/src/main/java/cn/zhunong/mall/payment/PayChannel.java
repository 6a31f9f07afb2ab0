package cn.zhunong.mall.payment;

/** How the buyer pays: PC cashier page, mobile H5 cashier, or a QR code to scan. */
public enum PayChannel {
    /** alipay.trade.page.pay */
    PAGE,
    /** alipay.trade.wap.pay */
    WAP,
    /** alipay.trade.precreate */
    QR
}
