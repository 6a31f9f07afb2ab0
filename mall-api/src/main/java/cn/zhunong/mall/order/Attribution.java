package cn.zhunong.mall.order;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Where the sale came from, carried on the order for reports and commissions. Only the format is
 * checked here; the campaign, live-session and group-buy features own their records.
 */
public record Attribution(
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "须为 1–32 位字母、数字、下划线或连字符") String campaignCode,
        @Positive Long liveSessionId,
        @Positive Long streamerId,
        @Positive Long groupBuyId) {

    public static final Attribution NONE = new Attribution(null, null, null, null);
}
