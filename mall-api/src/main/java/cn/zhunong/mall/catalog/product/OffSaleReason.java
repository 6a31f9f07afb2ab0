package cn.zhunong.mall.catalog.product;

/** Why a product is off sale: taken off by staff, or automatically because a certification expired. */
public enum OffSaleReason {
    MANUAL,
    CERT_EXPIRED
}
