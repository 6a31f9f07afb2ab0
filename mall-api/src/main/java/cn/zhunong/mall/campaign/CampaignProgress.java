package cn.zhunong.mall.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * Progress against the targets, from the paid orders carrying the campaign's code (paid within its
 * period), net of refunds. GMV is goods value (lines, without shipping). Buyers and households are
 * counts only. Each {@code *Bp} is the share of its target reached, in basis points (null: no target).
 */
public record CampaignProgress(long campaignId, String code, Targets targets, Totals totals, Long gmvBp, Long unitsBp,
        Long householdsBp, List<Day> days) {

    public record Targets(Long gmvFen, Long units, Integer households) {
    }

    public record Totals(long gmvFen, long units, long buyers, long households, long orders) {
    }

    /** One Asia/Shanghai day, with running totals for charts. */
    public record Day(LocalDate date, long gmvFen, long units, long buyers, long cumulativeGmvFen, long cumulativeUnits) {
    }
}
