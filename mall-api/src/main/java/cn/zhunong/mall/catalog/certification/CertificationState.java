package cn.zhunong.mall.catalog.certification;

import java.time.LocalDate;

public enum CertificationState {
    NOT_YET_VALID,
    VALID,
    EXPIRED;

    public static CertificationState of(Certification c, LocalDate today) {
        if (c.getValidTo().isBefore(today)) {
            return EXPIRED;
        }
        return c.getValidFrom().isAfter(today) ? NOT_YET_VALID : VALID;
    }
}
