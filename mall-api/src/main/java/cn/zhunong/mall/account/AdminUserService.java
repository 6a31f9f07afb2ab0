package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.persistence.LikePattern;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Platform admins create and manage the accounts citizens cannot create themselves. */
@Service
public class AdminUserService {

    private static final Logger log = LoggerFactory.getLogger(AdminUserService.class);

    private final UserAccountMapper accounts;
    private final Passwords passwords;
    private final AuthService auth;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AdminUserService(UserAccountMapper accounts, Passwords passwords, AuthService auth, JdbcTemplate jdbc,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.auth = auth;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public AccountView create(CurrentUser admin, CreateUserRequest request) {
        requireRoleBindings(request);
        passwords.requireStrong(request.password(), request.loginName());
        UserAccount account = new UserAccount();
        account.setLoginName(request.loginName());
        account.setPasswordHash(passwords.hash(request.password()));
        account.setRole(request.role());
        account.setDisplayName(request.displayName().trim());
        account.setAgencyId(request.agencyId());
        account.setStreamerId(request.streamerId());
        account.setCanViewPii(Boolean.TRUE.equals(request.canViewPii()));
        account.setEnabled(true);
        Instant now = clock.instant();
        account.setCreatedAt(now);
        account.setUpdatedAt(now);
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("LOGIN_NAME_TAKEN", "登录名已被使用");
        }
        log.info("Admin {} created user {} with role {}", admin.id(), account.getId(), account.getRole());
        return AccountView.of(account);
    }

    /** {@code q} matches the login name or the display name (substring, case-insensitive). */
    public PageResult<AccountView> list(PageQuery pageQuery, Role role, String q) {
        LambdaQueryWrapper<UserAccount> where = new LambdaQueryWrapper<UserAccount>()
                .eq(role != null, UserAccount::getRole, role)
                .orderByDesc(UserAccount::getId);
        if (q != null && !q.isBlank()) {
            String term = LikePattern.escape(q.trim());
            where.and(w -> w.like(UserAccount::getLoginName, term).or().like(UserAccount::getDisplayName, term));
        }
        Page<UserAccount> page = accounts.selectPage(pageQuery.toPage(), where);
        return PageResult.of(page, AccountView::of);
    }

    public AccountView get(long id) {
        return AccountView.of(load(id));
    }

    /** Disabling ends every session of the user at once. */
    public AccountView setEnabled(CurrentUser admin, long id, boolean enabled) {
        UserAccount account = load(id);
        if (!enabled && account.getId() == admin.id()) {
            throw ApiException.badRequest("CANNOT_DISABLE_SELF", "不能停用自己的账号");
        }
        UserAccount update = new UserAccount();
        update.setId(id);
        update.setEnabled(enabled);
        update.setUpdatedAt(clock.instant());
        accounts.updateById(update);
        if (!enabled) {
            auth.endAllSessions(id);
        }
        log.info("Admin {} set user {} enabled={}", admin.id(), id, enabled);
        return get(id);
    }

    /** The permission is read from the database on each reveal, so no token needs revoking. */
    public AccountView setPiiPermission(CurrentUser admin, long id, boolean canViewPii) {
        UserAccount account = load(id);
        if (canViewPii && account.getRole() == Role.CITIZEN) {
            throw ApiException.badRequest("PII_PERMISSION_NOT_ALLOWED", "普通用户不能被授予查看个人信息的权限");
        }
        UserAccount update = new UserAccount();
        update.setId(id);
        update.setCanViewPii(canViewPii);
        update.setUpdatedAt(clock.instant());
        accounts.updateById(update);
        log.info("Admin {} set user {} canViewPii={}", admin.id(), id, canViewPii);
        return get(id);
    }

    private void requireRoleBindings(CreateUserRequest request) {
        Role role = request.role();
        if (role == Role.CITIZEN) {
            throw ApiException.badRequest("ROLE_NOT_ALLOWED", "普通用户请通过手机号自行注册");
        }
        if (role == Role.AGENCY_STAFF) {
            if (request.agencyId() == null) {
                throw ApiException.badRequest("AGENCY_REQUIRED", "机构工作人员必须绑定一个机构");
            }
            if (!exists("agency", request.agencyId())) {
                throw ApiException.badRequest("AGENCY_NOT_FOUND", "机构不存在");
            }
        } else if (request.agencyId() != null) {
            throw ApiException.badRequest("AGENCY_NOT_ALLOWED", "只有机构工作人员可以绑定机构");
        }
        if (request.streamerId() != null) {
            if (role != Role.HOST) {
                throw ApiException.badRequest("STREAMER_NOT_ALLOWED", "只有主播/村播账号可以绑定主播");
            }
            if (!exists("streamer", request.streamerId())) {
                throw ApiException.badRequest("STREAMER_NOT_FOUND", "主播不存在");
            }
        }
    }

    private boolean exists(String table, long id) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id);
        return count != null && count > 0;
    }

    private UserAccount load(long id) {
        UserAccount account = accounts.selectById(id);
        if (account == null) {
            throw ApiException.notFound("USER_NOT_FOUND", "用户不存在");
        }
        return account;
    }
}
