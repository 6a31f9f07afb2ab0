package cn.zhunong.mall.registry.pii;

import cn.zhunong.common.web.RequestIdFilter;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guards and records every reveal of a full personal value (ID number, bank account, phone).
 * The permission is read from the database on each reveal, not from the token, so revoking it
 * takes effect at once. The audit row is written before the value is returned.
 */
@Component
public class PiiAccessLog {

    public enum Subject { HOUSEHOLD, STREAMER }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PiiAccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Throws 403 PII_PERMISSION_REQUIRED unless the caller holds the reveal permission. */
    public void requirePermission(CurrentUser user) {
        Boolean allowed = jdbc.query("SELECT can_view_pii FROM user_account WHERE id = ? AND enabled = 1",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, user.id());
        if (!Boolean.TRUE.equals(allowed)) {
            throw ApiException.forbidden("PII_PERMISSION_REQUIRED", "查看完整个人信息需要专门授权");
        }
    }

    /** Records the reveal in its own transaction, so it stays even if the caller's work fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(CurrentUser user, Subject subject, long subjectId, String fields, String purpose) {
        jdbc.update("INSERT INTO pii_access_log (user_id, subject_type, subject_id, fields, purpose, request_id, accessed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                user.id(), subject.name(), subjectId, fields, purpose, RequestIdFilter.current(), Timestamp.from(clock.instant()));
    }
}
