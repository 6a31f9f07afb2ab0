package cn.zhunong.mall.catalog.shipping;

/** FREE: no fee; FLAT: one fee per order; BY_WEIGHT: a fee for the first kg and one for each further kg. */
public enum ShippingMode {
    FREE,
    FLAT,
    BY_WEIGHT
}
