package cn.zhunong.mall.account;

import jakarta.validation.constraints.Size;

/** Optional body of a logout: the refresh token to end together with the access token. */
public record LogoutRequest(@Size(max = 100, message = "刷新令牌无效") String refreshToken) {
}
