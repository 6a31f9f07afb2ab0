package cn.zhunong.mall.registry.household;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Registers a household. Validation messages never repeat the rejected value. */
public record CreateHouseholdRequest(
        @NotNull @Positive Long villageId,
        @NotBlank @Size(max = HouseholdRules.NAME_MAX)
        @Pattern(regexp = HouseholdRules.HEAD_NAME_REGEX, message = "户主姓名只能包含汉字和间隔号·") String headName,
        @NotNull HouseholdCategory category,
        @NotNull @Min(HouseholdRules.MEMBERS_MIN) @Max(HouseholdRules.MEMBERS_MAX) Integer memberCount,
        @NotBlank @ValidIdNumber String idNumber,
        @Pattern(regexp = HouseholdRules.BANK_ACCOUNT_REGEX, message = "银行账号应为 12–30 位数字") String bankAccount,
        @Pattern(regexp = HouseholdRules.PHONE_REGEX, message = "手机号应为 11 位中国大陆手机号") String phone,
        @NotNull Boolean consentPublic,
        @Size(max = HouseholdRules.ALIAS_MAX) String publicAlias) {

    /** Keeps personal values out of any log line that prints the request. */
    @Override
    public String toString() {
        return "CreateHouseholdRequest[villageId=" + villageId + ", category=" + category + "]";
    }
}
