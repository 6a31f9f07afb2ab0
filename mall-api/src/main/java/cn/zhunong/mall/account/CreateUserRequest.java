package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An admin creates a host, agency staff or another admin. {@code agencyId} is required for
 * AGENCY_STAFF (and allowed only there); {@code streamerId} is optional and allowed only for HOST.
 */
public record CreateUserRequest(
        @NotNull(message = "请填写登录名")
        @Pattern(regexp = LoginNames.HANDLE_REGEX, message = "登录名为 3–32 位字母、数字或 _ . -，或手机号") String loginName,
        @NotNull(message = "请填写密码") @Size(max = 128, message = "密码过长") String password,
        @NotNull(message = "请选择角色") Role role,
        @NotBlank(message = "请填写显示名称") @Size(max = 50, message = "显示名称最多 50 个字符") String displayName,
        @Positive(message = "机构编号无效") Long agencyId,
        @Positive(message = "主播编号无效") Long streamerId,
        Boolean canViewPii) {
}
