package cn.zhunong.mall.enterprise;

import java.util.List;

public record PriceTierResponse(long skuId, long agencyId, long skuPriceFen, List<PriceTier> tiers) {
}
