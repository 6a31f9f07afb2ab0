package cn.zhunong.mall.adoption;

/** What an adoption offer is for: a plot of land, a tree or an animal. */
public enum OfferKind {
    PLOT("土地"),
    TREE("果树"),
    ANIMAL("畜禽");

    private final String label;

    OfferKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
