package cn.zhunong.mall.registry.agency;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Query parameters of GET /agencies: name contains {@code q}, region code starts with {@code regionCode}. */
public record AgencyFilter(
        @Size(max = 100) String q,
        @Pattern(regexp = "\\d{1,6}", message = "须为 1–6 位数字（行政区划代码前缀）") String regionCode,
        @Pattern(regexp = "SOCIAL_WORK_ORG|SOCIAL_WORK_STATION|COOPERATIVE|ENTERPRISE|VILLAGE_COMMITTEE",
                message = "须为 SOCIAL_WORK_ORG、SOCIAL_WORK_STATION、COOPERATIVE、ENTERPRISE 或 VILLAGE_COMMITTEE") String type) {

    /** Bound as text and checked by the pattern, so a bad value gets a plain message rather than a conversion error. */
    AgencyType agencyType() {
        return type == null ? null : AgencyType.valueOf(type);
    }
}
