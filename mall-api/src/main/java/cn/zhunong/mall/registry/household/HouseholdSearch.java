package cn.zhunong.mall.registry.household;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Filters of the household list; all optional and combined with AND. */
public record HouseholdSearch(
        @Positive Long villageId,
        @Pattern(regexp = "^\\d{6}$", message = "区县代码应为 6 位数字") String countyCode,
        @Pattern(regexp = "^\\d{2,12}$", message = "行政区划代码前缀应为 2–12 位数字") String divisionCodePrefix,
        HouseholdCategory category,
        @Size(max = 50) String q,
        Boolean consentPublic) {
}
