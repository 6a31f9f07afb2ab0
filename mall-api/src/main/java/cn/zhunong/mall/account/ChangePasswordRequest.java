package cn.zhunong.mall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ChangePasswordRequest(
        @NotBlank(message = "请填写当前密码") @Size(max = 128, message = "密码过长") String currentPassword,
        @NotNull(message = "请填写新密码") @Size(max = 128, message = "密码过长") String newPassword) {
}
