package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.security.AccessTokenIssuer;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.TokenRevocation;
import cn.zhunong.mall.infra.web.ApiException;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/** Login, token refresh and logout. */
@Service
public class AuthService {

    private final UserAccountMapper accounts;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;
    private final TokenRevocation revocation;

    public AuthService(UserAccountMapper accounts, Passwords passwords, LoginThrottle throttle,
            AccessTokenIssuer accessTokens, RefreshTokens refreshTokens, TokenRevocation revocation) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocation = revocation;
    }

    /**
     * Checks the lock first (so a locked account costs no hashing), then the password. An unknown
     * login and a wrong password look the same to the caller, in answer and in time. A disabled
     * account is only revealed to someone who knows its password.
     */
    public TokenResponse login(LoginRequest request, String clientIp) {
        String login = request.login().trim();
        throttle.requireNotLocked(login, clientIp);
        UserAccount account = findByLogin(login);
        if (!passwords.matches(request.password(), account == null ? null : account.getPasswordHash())) {
            throw badCredentials(login, clientIp);
        }
        throttle.reset(login);
        if (!account.accountEnabled()) {
            throw accountDisabled();
        }
        return issue(account);
    }

    /** Rotates: the presented token is used up and a new pair is issued. */
    public TokenResponse refresh(String refreshToken) {
        RefreshTokens.Redeemed redeemed = refreshTokens.redeem(refreshToken);
        if (redeemed instanceof RefreshTokens.Redeemed.Reused reused) {
            // a rotated token came back: one of the two holders is not the user, so end every session
            endAllSessions(reused.userId());
        }
        if (!(redeemed instanceof RefreshTokens.Redeemed.Valid valid)) {
            throw ApiException.unauthorized("REFRESH_TOKEN_INVALID", "刷新令牌无效或已过期，请重新登录");
        }
        UserAccount account = accounts.selectById(valid.userId());
        if (account == null || !account.accountEnabled()) {
            throw accountDisabled();
        }
        return issue(account);
    }

    /** Denylists the access token in use and, if given, deletes the caller's refresh token. */
    public void logout(CurrentUser user, Jwt accessToken, String refreshToken) {
        revocation.revokeToken(accessToken.getId(), accessToken.getExpiresAt());
        if (refreshToken != null && !refreshToken.isBlank()) {
            refreshTokens.revoke(refreshToken, user.id());
        }
    }

    /** Every access and refresh token of the user stops working. */
    public void endAllSessions(long userId) {
        revocation.revokeAllOf(userId);
        refreshTokens.revokeAll(userId);
    }

    UserAccount findByLogin(String login) {
        return accounts.selectOne(new LambdaQueryWrapper<UserAccount>().eq(UserAccount::getLoginName, login));
    }

    /** Counts the failure; the one that reaches a limit answers 429 instead of 401. */
    ApiException badCredentials(String login, String clientIp) {
        throttle.recordFailure(login, clientIp);
        return ApiException.unauthorized("BAD_CREDENTIALS", "登录名或密码错误");
    }

    private TokenResponse issue(UserAccount account) {
        // HOSTs carry their streamer id, so live-room and order attribution know who they are
        CurrentUser principal = new CurrentUser(account.getId(), account.getRole(), account.getAgencyId(),
                account.getStreamerId());
        AccessTokenIssuer.IssuedToken access = accessTokens.issue(principal, account.getDisplayName());
        RefreshTokens.Issued refresh = refreshTokens.issue(account.getId());
        return new TokenResponse(access.value(), access.expiresAt(), refresh.value(), refresh.expiresAt(),
                AccountView.of(account));
    }

    private static ApiException accountDisabled() {
        return ApiException.unauthorized("ACCOUNT_DISABLED", "账号已停用，请联系管理员");
    }
}
