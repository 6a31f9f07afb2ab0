package cn.zhunong.mall.registry.agency;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Body of PUT /agency-pairings/{id}/end: the last day the pairing is in force. */
public record EndPairingRequest(@NotNull LocalDate endDate) {
}
