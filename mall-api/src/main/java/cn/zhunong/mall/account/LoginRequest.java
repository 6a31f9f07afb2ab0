package cn.zhunong.mall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code login} is the phone for citizens, the given login name for everyone else. */
public record LoginRequest(
        @NotBlank(message = "请填写登录名") @Size(max = 64, message = "登录名过长") String login,
        @NotBlank(message = "请填写密码") @Size(max = 128, message = "密码过长") String password) {
}
