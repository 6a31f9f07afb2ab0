package cn.zhunong.mall.adoption;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An adoption offer as the API shows it (the household only by its village; never personal data). */
public record OfferResponse(long id, long agencyId, long villageId, long householdId, long skuId, OfferKind kind, String title,
        String subject, LocalDate harvestDate, BigDecimal expectedYield, YieldUnit yieldUnit, String delivery, long priceFen,
        int totalItems, int adoptedItems, int remainingItems, OfferStatus status, Instant createdAt) {

    static OfferResponse of(AdoptionOffer o) {
        return new OfferResponse(o.getId(), o.getAgencyId(), o.getVillageId(), o.getHouseholdId(), o.getSkuId(), o.getKind(),
                o.getTitle(), o.getSubject(), o.getHarvestDate(), Milli.toDecimal(o.getExpectedYieldMilli()), o.getYieldUnit(),
                o.getDelivery(), o.getPriceFen(), o.getTotalItems(), o.getAdoptedItems(),
                o.getTotalItems() - o.getAdoptedItems(), o.getStatus(), o.getCreatedAt());
    }
}
