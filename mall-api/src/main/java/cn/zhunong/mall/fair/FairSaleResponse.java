package cn.zhunong.mall.fair;

import cn.zhunong.mall.order.OrderResponse;
import java.time.Instant;
import java.util.List;

public record FairSaleResponse(long id, long fairId, List<Long> evidenceIds, String priceReason, Instant recordedAt,
        OrderResponse order) {
}
