package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.security.Role;
import java.time.Instant;

/** An account as responses show it: the login is masked when it is a phone number. */
public record AccountView(
        long id,
        Role role,
        String displayName,
        Long agencyId,
        Long streamerId,
        String loginMasked,
        boolean canViewPii,
        boolean enabled,
        Instant createdAt) {

    static AccountView of(UserAccount account) {
        return new AccountView(account.getId(), account.getRole(), account.getDisplayName(), account.getAgencyId(),
                account.getStreamerId(), LoginNames.masked(account.getLoginName()),
                Boolean.TRUE.equals(account.getCanViewPii()), account.accountEnabled(), account.getCreatedAt());
    }
}
