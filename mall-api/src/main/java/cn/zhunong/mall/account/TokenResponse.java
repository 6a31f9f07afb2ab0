package cn.zhunong.mall.account;

import java.time.Instant;

/** A fresh access/refresh token pair and who it is for. */
public record TokenResponse(
        String accessToken,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt,
        AccountView user) {
}
