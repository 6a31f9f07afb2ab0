package cn.zhunong.mall.order;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Where the sale came from, carried on the order for reports and commissions. Only the format is
 * checked here; the campaign, live-session and group-buy features own their records.
 *
 * @param flashSaleId an in-room flash sale (秒杀, an id string or number from live-room's
 *                    {@code flash_sale} event): the order is then priced at the sale price and
 *                    attributed to the sale's session and streamer, whatever else is sent
 */
public record Attribution(
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "须为 1–32 位字母、数字、下划线或连字符") String campaignCode,
        @Positive Long liveSessionId,
        @Positive Long streamerId,
        @Positive Long groupBuyId,
        @Positive Long flashSaleId) {

    public static final Attribution NONE = new Attribution(null, null, null, null, null);

    /** Without a flash sale. */
    public Attribution(String campaignCode, Long liveSessionId, Long streamerId, Long groupBuyId) {
        this(campaignCode, liveSessionId, streamerId, groupBuyId, null);
    }
}
