package cn.zhunong.mall.ledger.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales and 助农增收 figures in the form agencies report upward. Lines count by the day they were
 * paid; refunds reduce income in that same bucket.
 */
public record SummaryReport(SummaryDimension dimension, Granularity granularity, LocalDate from, LocalDate to,
        List<Row> rows, Row total) {

    /**
     * @param units               units sold, in each SKU's own unit (件)
     * @param jin                 the same converted to 斤 by the SKU's report_milli_units (0 for units without weight)
     * @param gmvFen              paid amount of the lines
     * @param refundedFen         refunded so far
     * @param householdIncomeFen  household income net of refund reversals (助农增收)
     * @param householdsBenefited distinct households credited
     * @param buyers              distinct buyers (orders that did not name their buyer are not counted)
     */
    public record Row(Long key, String name, String bucket, long units, BigDecimal jin, long gmvFen, long refundedFen,
            long householdIncomeFen, long householdsBenefited, long buyers, long orders) {
    }
}
