package cn.zhunong.mall.enterprise;

/** From {@code minQuantity} units of a SKU in one purchase on, each unit costs {@code unitPriceFen}. */
public record PriceTier(int minQuantity, long unitPriceFen) {
}
