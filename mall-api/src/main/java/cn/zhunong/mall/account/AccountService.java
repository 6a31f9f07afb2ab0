package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import cn.zhunong.mall.infra.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** A citizen's own account: sign-up, profile, password. */
@Service
public class AccountService {

    private final UserAccountMapper accounts;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final AuthService auth;
    private final Clock clock;

    public AccountService(UserAccountMapper accounts, Passwords passwords, LoginThrottle throttle, AuthService auth,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.auth = auth;
        this.clock = clock;
    }

    /** The unique key on login_name decides between parallel sign-ups with one phone. */
    public AccountView register(RegisterRequest request) {
        passwords.requireStrong(request.password(), request.phone());
        UserAccount account = new UserAccount();
        account.setLoginName(request.phone());
        account.setPasswordHash(passwords.hash(request.password()));
        account.setRole(Role.CITIZEN);
        account.setDisplayName(request.displayName().trim());
        account.setCanViewPii(false);
        account.setEnabled(true);
        Instant now = clock.instant();
        account.setCreatedAt(now);
        account.setUpdatedAt(now);
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("PHONE_ALREADY_REGISTERED", "该手机号已注册");
        }
        return AccountView.of(account);
    }

    public AccountView me(CurrentUser user) {
        return AccountView.of(load(user.id()));
    }

    /**
     * Needs the current password (wrong guesses count towards the login lock, so a stolen token
     * cannot be used to guess it); afterwards every token of the user is void and they log in again.
     */
    public void changePassword(CurrentUser user, ChangePasswordRequest request, String clientIp) {
        UserAccount account = load(user.id());
        throttle.requireNotLocked(account.getLoginName(), clientIp);
        if (!passwords.matches(request.currentPassword(), account.getPasswordHash())) {
            throttle.recordFailure(account.getLoginName(), clientIp);
            throw ApiException.badRequest("CURRENT_PASSWORD_INCORRECT", "当前密码不正确");
        }
        passwords.requireStrong(request.newPassword(), account.getLoginName());
        if (passwords.matches(request.newPassword(), account.getPasswordHash())) {
            throw ApiException.badRequest("PASSWORD_UNCHANGED", "新密码不能与当前密码相同");
        }
        UserAccount update = new UserAccount();
        update.setId(account.getId());
        update.setPasswordHash(passwords.hash(request.newPassword()));
        update.setUpdatedAt(clock.instant());
        accounts.updateById(update);
        auth.endAllSessions(account.getId());
    }

    private UserAccount load(long id) {
        UserAccount account = accounts.selectById(id);
        if (account == null) {
            throw ApiException.notFound("USER_NOT_FOUND", "用户不存在");
        }
        return account;
    }
}
