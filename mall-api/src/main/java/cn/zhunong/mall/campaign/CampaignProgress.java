package cn.zhunong.mall.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * Progress against the targets, from the lines of the orders attributed to the campaign (see
 * {@link CampaignAttribution}), net of refunds. GMV is goods value (lines, without shipping).
 * Household income (助农增收) and households benefited come from the ledger's allocations of those
 * lines, net of reversals; a household counts when its net credit is above zero. Orders the ledger
 * has not posted yet add to GMV and units but not yet to income ({@code ledgerPendingOrders}).
 * Buyers and households are counts only. Each {@code *Bp} is the share of its target reached, in
 * basis points (null: no target).
 */
public record CampaignProgress(long campaignId, String code, Targets targets, Totals totals, Long gmvBp, Long unitsBp,
        Long householdsBp, List<Day> days) {

    public record Targets(Long gmvFen, Long units, Integer households) {
    }

    public record Totals(long gmvFen, long units, long buyers, long households, long householdIncomeFen, long orders,
            long ledgerPendingOrders) {
    }

    /** One Asia/Shanghai day (of payment), with running totals for charts. */
    public record Day(LocalDate date, long gmvFen, long units, long buyers, long householdIncomeFen, long households,
            long cumulativeGmvFen, long cumulativeUnits, long cumulativeHouseholdIncomeFen) {
    }
}
