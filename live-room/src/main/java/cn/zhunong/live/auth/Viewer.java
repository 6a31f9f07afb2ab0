package cn.zhunong.live.auth;

/**
 * Who is on the other end of a socket or an HTTP request, as proven by the access token mall-api
 * issued. Anonymous viewers have no user id: they may watch and like, not chat or moderate.
 *
 * @param role the platform role from the token (CITIZEN, HOST, AGENCY_STAFF, PLATFORM_ADMIN), null when anonymous
 * @param name the display name from the token; "游客" for anonymous viewers
 */
public record Viewer(Long userId, String role, Long streamerId, Long agencyId, String name) {

    public static final String ROLE_HOST = "HOST";
    public static final String ROLE_ADMIN = "PLATFORM_ADMIN";
    public static final String ROLE_STAFF = "AGENCY_STAFF";

    public static Viewer anonymous() {
        return new Viewer(null, null, null, null, "游客");
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    public boolean isAdmin() {
        return ROLE_ADMIN.equals(role);
    }

    public boolean isStaff() {
        return ROLE_STAFF.equals(role);
    }

    /** A host token carries the streamer it acts for; the room's host is the session's streamer. */
    public boolean isStreamer(Long sessionStreamerId) {
        return ROLE_HOST.equals(role) && streamerId != null && streamerId.equals(sessionStreamerId);
    }
}
