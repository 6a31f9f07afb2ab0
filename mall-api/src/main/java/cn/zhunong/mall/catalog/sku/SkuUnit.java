package cn.zhunong.mall.catalog.sku;

/**
 * The unit a SKU is sold in. Weight units have a fixed conversion into the reporting unit 斤
 * (in thousandths: 1 斤 = 1000, 1 公斤 = 2000); count units say theirs per SKU (1 箱 = 10 斤 → 10000).
 */
public enum SkuUnit {
    JIN("斤", 1000L),
    KG("公斤", 2000L),
    PIECE("件", null),
    BOX("箱", null),
    CASE("盒", null);

    private final String label;
    private final Long fixedMilliJin;

    SkuUnit(String label, Long fixedMilliJin) {
        this.label = label;
        this.fixedMilliJin = fixedMilliJin;
    }

    public String label() {
        return label;
    }

    /** The conversion this unit implies, or null when the SKU must state it. */
    public Long fixedMilliJin() {
        return fixedMilliJin;
    }
}
