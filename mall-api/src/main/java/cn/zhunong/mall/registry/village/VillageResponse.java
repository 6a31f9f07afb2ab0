package cn.zhunong.mall.registry.village;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A village with {@code currentFlags} (in force today, Asia/Shanghai) and {@code flags}, the whole flag
 * history; {@code writable} tells the caller whether it may change the village (false for a 牵手 read-only view).
 */
public record VillageResponse(long id, long agencyId, String name, String divisionCode, String countyCode,
        String countyName, String townshipName, List<VillageFlagType> currentFlags, List<VillageFlagResponse> flags,
        boolean writable, Instant createdAt, Instant updatedAt) {

    static VillageResponse of(Village v, List<VillageFlag> flags, LocalDate today, boolean writable) {
        List<VillageFlagType> current = flags.stream().filter(f -> f.inForceOn(today)).map(VillageFlag::getFlag)
                .distinct().sorted().toList();
        return new VillageResponse(v.getId(), v.getAgencyId(), v.getName(), v.getDivisionCode(), v.getCountyCode(),
                v.getCountyName(), v.getTownshipName(), current,
                flags.stream().map(f -> VillageFlagResponse.of(f, today)).toList(), writable, v.getCreatedAt(),
                v.getUpdatedAt());
    }
}
