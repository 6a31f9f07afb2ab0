package cn.zhunong.mall.adoption;

/** Units of an expected yield. */
public enum YieldUnit {
    JIN("斤"),
    KG("公斤"),
    PIECE("件"),
    BOX("箱"),
    CASE("盒"),
    HEAD("头");

    private final String label;

    YieldUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
