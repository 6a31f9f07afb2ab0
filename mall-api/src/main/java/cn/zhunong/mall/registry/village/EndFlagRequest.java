package cn.zhunong.mall.registry.village;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Body of PUT /villages/{id}/flags/{flagId}/end: the last day (inclusive) the flag holds. */
public record EndFlagRequest(@NotNull LocalDate effectiveTo) {
}
