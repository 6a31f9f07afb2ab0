package cn.zhunong.mall.ledger.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A village's public totals: no household is named and no personal value appears. */
public record VillageImpact(long villageId, String villageName, String countyName, long householdsBenefited,
        long householdIncomeFen, long paidOutFen, long unitsSold, BigDecimal jinSold, long orders, LocalDate since) {
}
