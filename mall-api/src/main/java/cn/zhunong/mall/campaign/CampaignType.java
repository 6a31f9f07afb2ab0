package cn.zhunong.mall.campaign;

/** The kinds of campaign, with the label shown to the public. */
public enum CampaignType {
    /** 以购代捐: buying in place of giving — a purchase, never presented as a donation */
    CONSUMPTION_ASSISTANCE("以购代捐"),
    /** 村村播 家家富: village live-streaming sales */
    VILLAGE_LIVE("村村播 家家富"),
    /** a local 助农 drive */
    LOCAL_DRIVE("本地助农"),
    /** 展销会: a sales fair */
    SALES_FAIR("展销会");

    private final String label;

    CampaignType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
