package cn.zhunong.mall.registry.scope;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which agencies' registry records a caller may see or change.
 * <ul>
 *   <li>PLATFORM_ADMIN: every agency, read and write;</li>
 *   <li>AGENCY_STAFF: their own agency read and write, plus read-only the agencies they aid
 *       under a 牵手 pairing that is in force today;</li>
 *   <li>everyone else: nothing.</li>
 * </ul>
 * A record outside the readable scope is reported as not found, so its existence does not leak;
 * a readable but not writable one gets 403 READ_ONLY_SCOPE.
 */
@Component
public class AgencyScope {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AgencyScope(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The readable agency ids, or {@code null} meaning "all" (platform admin). */
    public Set<Long> readableAgencies(CurrentUser user) {
        if (user.isAdmin()) {
            return null;
        }
        if (!user.isStaff() || user.agencyId() == null) {
            return Set.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<Long> aided = jdbc.queryForList(
                "SELECT aided_agency_id FROM agency_pairing WHERE aiding_agency_id = ? AND start_date <= ? "
                        + "AND (end_date IS NULL OR end_date >= ?)",
                Long.class, user.agencyId(), today, today);
        Set<Long> ids = new HashSet<>(aided);
        ids.add(user.agencyId());
        return ids;
    }

    public boolean canRead(CurrentUser user, long agencyId) {
        Set<Long> readable = readableAgencies(user);
        return readable == null || readable.contains(agencyId);
    }

    public boolean canWrite(CurrentUser user, long agencyId) {
        return user.isAdmin() || (user.isStaff() && user.agencyId() != null && user.agencyId() == agencyId);
    }

    /** Throws the not-found problem given when the record is outside the caller's scope. */
    public void requireRead(CurrentUser user, long agencyId, ApiException notFound) {
        if (!canRead(user, agencyId)) {
            throw notFound;
        }
    }

    public void requireWrite(CurrentUser user, long agencyId, ApiException notFound) {
        requireRead(user, agencyId, notFound);
        if (!canWrite(user, agencyId)) {
            throw ApiException.forbidden("READ_ONLY_SCOPE", "该机构的记录对您只读（牵手帮扶）");
        }
    }
}
