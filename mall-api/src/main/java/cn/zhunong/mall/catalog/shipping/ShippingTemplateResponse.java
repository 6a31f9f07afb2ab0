package cn.zhunong.mall.catalog.shipping;

import java.time.Instant;
import java.util.List;

public record ShippingTemplateResponse(long id, long agencyId, String name, ShippingMode mode, long flatFeeFen,
        long firstKgFeeFen, long extraKgFeeFen, Long freeOverFen, List<String> excludedRegions, boolean writable,
        Instant createdAt, Instant updatedAt) {
}
