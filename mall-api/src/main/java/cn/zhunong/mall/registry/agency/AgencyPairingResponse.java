package cn.zhunong.mall.registry.agency;

import java.time.Instant;
import java.time.LocalDate;

/** {@code inForce}: the pairing covers today (Asia/Shanghai), so the aiding staff can read the aided records. */
public record AgencyPairingResponse(long id, long aidingAgencyId, long aidedAgencyId, String programme,
        LocalDate startDate, LocalDate endDate, boolean inForce, Instant createdAt) {

    static AgencyPairingResponse of(AgencyPairing p, LocalDate today) {
        boolean inForce = !p.getStartDate().isAfter(today) && (p.getEndDate() == null || !p.getEndDate().isBefore(today));
        return new AgencyPairingResponse(p.getId(), p.getAidingAgencyId(), p.getAidedAgencyId(), p.getProgramme(),
                p.getStartDate(), p.getEndDate(), inForce, p.getCreatedAt());
    }
}
