package cn.zhunong.mall.catalog.certification;

import java.time.LocalDate;

public record CertificationResponse(long id, CertificationType type, String typeLabel, String number, String issuer,
        LocalDate validFrom, LocalDate validTo, CertificationState state) {

    public static CertificationResponse of(Certification c, LocalDate today) {
        return new CertificationResponse(c.getId(), c.getType(), c.getType().label(), c.getNumber(), c.getIssuer(),
                c.getValidFrom(), c.getValidTo(), CertificationState.of(c, today));
    }
}
