package cn.zhunong.mall.registry.household;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Replaces a household's editable data. The ID number cannot change (it is the household's
 * identity), so it is not a field here and sending it is refused as an unknown field.
 * Clients only ever see masked bank accounts and phones, so for those two an absent (null) value
 * keeps the stored one and an empty string removes it.
 */
public record UpdateHouseholdRequest(
        @NotBlank @Size(max = HouseholdRules.NAME_MAX)
        @Pattern(regexp = HouseholdRules.HEAD_NAME_REGEX, message = "户主姓名只能包含汉字和间隔号·") String headName,
        @NotNull @Min(HouseholdRules.MEMBERS_MIN) @Max(HouseholdRules.MEMBERS_MAX) Integer memberCount,
        @Pattern(regexp = "^(\\d{12,30})?$", message = "银行账号应为 12–30 位数字（空字符串表示删除）") String bankAccount,
        @Pattern(regexp = "^(1[3-9]\\d{9})?$", message = "手机号应为 11 位中国大陆手机号（空字符串表示删除）") String phone,
        @NotNull Boolean consentPublic,
        @Size(max = HouseholdRules.ALIAS_MAX) String publicAlias) {

    @Override
    public String toString() {
        return "UpdateHouseholdRequest[memberCount=" + memberCount + ", consentPublic=" + consentPublic + "]";
    }
}
