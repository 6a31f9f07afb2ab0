package cn.zhunong.mall.catalog.sku;

import java.time.Instant;
import java.time.LocalDate;

public record SourceLotResponse(long id, long skuId, long householdId, int unitsSupplied, int unitsAllocated,
        Long purchasePriceFen, Integer incomeShareBp, LocalDate receivedOn, Instant createdAt) {

    static SourceLotResponse of(SourceLot l) {
        return new SourceLotResponse(l.getId(), l.getSkuId(), l.getHouseholdId(), l.getUnitsSupplied(),
                l.getUnitsAllocated(), l.getPurchasePriceFen(), l.getIncomeShareBp(), l.getReceivedOn(), l.getCreatedAt());
    }
}
