package cn.zhunong.mall.ledger.report;

import java.time.Instant;
import java.util.List;

/**
 * Whom an order helped. Households appear by public alias and village only when they consented;
 * the others are counted and summed without any identity.
 */
public record OrderImpact(long orderId, Instant paidAt, long householdIncomeFen, long paidOutFen, long householdsCredited,
        List<LineImpact> lines) {

    public record LineImpact(long orderLineId, String productName, int units, List<Credit> households,
            long otherHouseholds, long otherIncomeFen) {
    }

    /** @param paidOut true once the income reached the household (打款到户) */
    public record Credit(String publicAlias, String villageName, long incomeFen, String status, boolean paidOut) {
    }
}
