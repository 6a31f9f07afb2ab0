package cn.zhunong.mall.registry.household;

import java.time.Instant;
import java.time.LocalDate;

public record CategoryChangeResponse(
        long id,
        HouseholdCategory category,
        String categoryLabel,
        LocalDate effectiveFrom,
        String reason,
        Long changedBy,
        Instant createdAt) {

    static CategoryChangeResponse of(HouseholdCategoryChange c) {
        return new CategoryChangeResponse(c.getId(), c.getCategory(), c.getCategory().label(), c.getEffectiveFrom(),
                c.getReason(), c.getChangedBy(), c.getCreatedAt());
    }
}
