package cn.zhunong.mall.registry.village;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Query parameters of GET /villages: name contains {@code q}; exact county; division code starts with
 * {@code divisionCodePrefix} (region search); {@code flag} in force today; one agency.
 */
public record VillageFilter(
        @Size(max = 50) String q,
        @Pattern(regexp = "\\d{6}", message = "须为 6 位数字县级行政区划代码") String countyCode,
        @Pattern(regexp = "\\d{1,12}", message = "须为 1–12 位数字（行政区划代码前缀）") String divisionCodePrefix,
        @Pattern(regexp = "KEY_ASSISTANCE_COUNTY|COUNTY_832|PILOT_CUNCUNBO",
                message = "须为 KEY_ASSISTANCE_COUNTY、COUNTY_832 或 PILOT_CUNCUNBO") String flag,
        @Positive Long agencyId) {
}
