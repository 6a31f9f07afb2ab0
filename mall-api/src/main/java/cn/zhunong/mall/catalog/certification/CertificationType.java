package cn.zhunong.mall.catalog.certification;

public enum CertificationType {
    POVERTY_ALLEVIATION("扶贫产品认定"),
    GEOGRAPHICAL_INDICATION("地理标志"),
    GREEN("绿色食品"),
    ORGANIC("有机产品");

    private final String label;

    CertificationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
