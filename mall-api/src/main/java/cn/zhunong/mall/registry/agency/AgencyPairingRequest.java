package cn.zhunong.mall.registry.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of POST /agency-pairings. */
public record AgencyPairingRequest(
        @NotNull @Positive Long aidingAgencyId,
        @NotNull @Positive Long aidedAgencyId,
        @NotBlank @Size(max = 64) String programme,
        @NotNull LocalDate startDate,
        LocalDate endDate) {
}
