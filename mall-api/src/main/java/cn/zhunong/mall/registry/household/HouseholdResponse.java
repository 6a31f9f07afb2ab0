package cn.zhunong.mall.registry.household;

import java.time.Instant;

/** A household as staff see it: personal values in masked form only. */
public record HouseholdResponse(
        long id,
        String headName,
        HouseholdCategory category,
        String categoryLabel,
        int memberCount,
        String idNumberMasked,
        String bankAccountMasked,
        String phoneMasked,
        boolean consentPublic,
        String publicAlias,
        VillageSummary village,
        Instant createdAt,
        Instant updatedAt) {

    public record VillageSummary(long id, String name, String countyName) {
    }

    static HouseholdResponse of(Household h, VillageRef village) {
        return new HouseholdResponse(h.getId(), h.getHeadName(), h.getCategory(), h.getCategory().label(),
                h.getMemberCount(), h.getIdNumberMasked(), h.getBankAccountMasked(), h.getPhoneMasked(),
                Boolean.TRUE.equals(h.getConsentPublic()), h.getPublicAlias(),
                village == null ? null : new VillageSummary(village.id(), village.name(), village.countyName()),
                h.getCreatedAt(), h.getUpdatedAt());
    }
}
