package cn.zhunong.mall.order;

/** How an order is paid (orders.payment_method); see sql/V14__order_payment_method.sql. */
public enum PaymentMethod {
    /** online, through Alipay (the default) */
    ALIPAY,
    /** 对公转账 of an organisation's bulk purchase, confirmed by a platform admin with proof */
    BANK_TRANSFER,
    /** paid on the spot at a sales fair (展销), recorded by agency staff with evidence */
    OFFLINE
}
