package cn.zhunong.mall.registry.village;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Body of POST /villages/{id}/flags; {@code effectiveTo} is the last day (inclusive), absent = open-ended. */
public record VillageFlagRequest(@NotNull VillageFlagType flag, @NotNull LocalDate effectiveFrom, LocalDate effectiveTo) {
}
