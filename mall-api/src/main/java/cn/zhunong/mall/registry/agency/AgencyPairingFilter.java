package cn.zhunong.mall.registry.agency;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Query parameters of GET /agency-pairings: exact programme, and pairings involving {@code agencyId} on either side. */
public record AgencyPairingFilter(@Size(max = 64) String programme, @Positive Long agencyId) {
}
