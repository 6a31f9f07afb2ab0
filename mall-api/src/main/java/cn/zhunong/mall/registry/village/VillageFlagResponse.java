package cn.zhunong.mall.registry.village;

import java.time.LocalDate;

public record VillageFlagResponse(long id, VillageFlagType flag, LocalDate effectiveFrom, LocalDate effectiveTo,
        boolean inForce) {

    static VillageFlagResponse of(VillageFlag f, LocalDate today) {
        return new VillageFlagResponse(f.getId(), f.getFlag(), f.getEffectiveFrom(), f.getEffectiveTo(), f.inForceOn(today));
    }
}
