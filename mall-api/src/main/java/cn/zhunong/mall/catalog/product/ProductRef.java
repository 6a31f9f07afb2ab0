package cn.zhunong.mall.catalog.product;

import cn.zhunong.mall.registry.village.Village;

/** A product with its origin village, whose agency decides who may see or change it. */
public record ProductRef(Product product, Village village) {

    public long id() {
        return product.getId();
    }
}
