package cn.zhunong.mall.infra.security;

/** Who is calling, as proven by the access token. Injected with {@code @AuthenticationPrincipal}. */
public record CurrentUser(long id, Role role, Long agencyId, Long streamerId) {

    public boolean isAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }

    public boolean isStaff() {
        return role == Role.AGENCY_STAFF;
    }
}
