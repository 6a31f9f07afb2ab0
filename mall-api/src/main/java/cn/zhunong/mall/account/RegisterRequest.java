package cn.zhunong.mall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A citizen signs up with their mobile number, which becomes the login name. */
public record RegisterRequest(
        @NotNull(message = "请填写手机号") @Pattern(regexp = LoginNames.PHONE_REGEX, message = "手机号格式不正确") String phone,
        @NotNull(message = "请填写密码") @Size(max = 128, message = "密码过长") String password,
        @NotBlank(message = "请填写昵称") @Size(max = 50, message = "昵称最多 50 个字符") String displayName) {
}
