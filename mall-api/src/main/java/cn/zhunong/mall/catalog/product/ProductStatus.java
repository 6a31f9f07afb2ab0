package cn.zhunong.mall.catalog.product;

/** DRAFT → ON_SALE ↔ OFF_SALE; a product never goes back to DRAFT. */
public enum ProductStatus {
    DRAFT,
    ON_SALE,
    OFF_SALE;

    public boolean canBecome(ProductStatus target) {
        return switch (target) {
            case ON_SALE -> this == DRAFT || this == OFF_SALE;
            case OFF_SALE -> this == ON_SALE;
            case DRAFT -> false;
        };
    }
}
