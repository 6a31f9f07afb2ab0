package cn.zhunong.mall.catalog.sku;

/** A DISABLED SKU is kept (orders refer to it) but neither shown nor sold. */
public enum SkuStatus {
    ACTIVE,
    DISABLED
}
