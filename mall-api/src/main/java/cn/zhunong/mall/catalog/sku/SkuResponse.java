package cn.zhunong.mall.catalog.sku;

import java.util.List;

/** A SKU as agency staff see it, with its source lots. */
public record SkuResponse(long id, String spec, SkuUnit unit, String unitLabel, long reportMilliUnits, int weightGrams,
        long priceFen, int stock, long soldUnits, int maxPerOrder, Long householdId, SkuStatus status,
        List<SourceLotResponse> lots) {

    static SkuResponse of(Sku s, List<SourceLot> lots) {
        return new SkuResponse(s.getId(), s.getSpec(), s.getUnit(), s.getUnit().label(), s.getReportMilliUnits(),
                s.getWeightGrams(), s.getPriceFen(), s.getStock(), s.getSoldUnits(), s.getMaxPerOrder(), s.getHouseholdId(),
                s.getStatus(), lots.stream().map(SourceLotResponse::of).toList());
    }
}
