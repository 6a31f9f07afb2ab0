package cn.zhunong.mall.registry.agency;

import java.time.Instant;

public record AgencyResponse(long id, String name, AgencyType type, String creditCode, String regionCode,
        String contactName, Instant createdAt, Instant updatedAt) {

    static AgencyResponse of(Agency a) {
        return new AgencyResponse(a.getId(), a.getName(), a.getType(), a.getCreditCode(), a.getRegionCode(),
                a.getContactName(), a.getCreatedAt(), a.getUpdatedAt());
    }
}
