package cn.zhunong.mall.registry.streamer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** A streamer as shown to staff: the ID number only masked, and the age instead of the birth date. */
public record StreamerResponse(long id, Long agencyId, String displayName, String realName, String idNumberMasked,
        int age, boolean realNameVerified, String mcn, String regionCode, boolean writable, Instant createdAt,
        Instant updatedAt) {

    static StreamerResponse of(Streamer s, LocalDate today, boolean writable) {
        return new StreamerResponse(s.getId(), s.getAgencyId(), s.getDisplayName(), s.getRealName(),
                s.getIdNumberMasked(), Period.between(s.getBirthDate(), today).getYears(),
                Boolean.TRUE.equals(s.getRealNameVerified()), s.getMcn(), s.getRegionCode(), writable,
                s.getCreatedAt(), s.getUpdatedAt());
    }
}
