package cn.zhunong.mall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RefreshRequest(@NotBlank(message = "请提供刷新令牌") @Size(max = 100, message = "刷新令牌无效") String refreshToken) {
}
