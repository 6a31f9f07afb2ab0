package cn.zhunong.mall.enterprise;

/**
 * An organisation's purchases of one year (paid_at in Asia/Shanghai) against its target:
 * bought = paid − refunded of the orders of its purchases.
 *
 * @param targetFen    null when no target was set for the year
 * @param remainingFen what is left to buy (0 once reached); null without a target
 */
public record ProgressResponse(long orgId, int year, Long targetFen, long paidFen, long refundedFen, long boughtFen,
        Long remainingFen) {
}
