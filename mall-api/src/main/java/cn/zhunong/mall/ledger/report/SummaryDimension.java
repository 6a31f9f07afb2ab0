package cn.zhunong.mall.ledger.report;

/** What a summary row is about: the product's origin village, the selling agency, or the campaign. */
public enum SummaryDimension {
    VILLAGE("l.village_id"),
    AGENCY("l.agency_id"),
    CAMPAIGN("l.campaign_id");

    final String column;

    SummaryDimension(String column) {
        this.column = column;
    }
}
