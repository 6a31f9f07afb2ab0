package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.crypto.PiiCipher;
import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Organisations, their purchasers and annual targets. A purchaser is an ordinary CITIZEN account
 * linked to one organisation (enterprise_purchaser): no extra role or token claim is needed, and
 * the link is checked on every purchaser request, so unlinking takes effect at once.
 */
@Service
public class OrgService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EnterpriseOrgMapper orgs;
    private final JdbcTemplate jdbc;
    private final PiiCipher cipher;
    private final Clock clock;

    public OrgService(EnterpriseOrgMapper orgs, JdbcTemplate jdbc, PiiCipher cipher, Clock clock) {
        this.orgs = orgs;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    public OrgResponse create(CurrentUser admin, CreateOrgRequest request) {
        Instant now = now();
        EnterpriseOrg org = new EnterpriseOrg();
        org.setName(request.name().strip());
        org.setCreditCode(request.creditCode());
        org.setContactName(request.contactName().strip());
        org.setContactPhoneEnc(cipher.encrypt(request.contactPhone()));
        org.setContactPhoneMasked(Masking.phone(request.contactPhone()));
        org.setCreatedBy(admin.id());
        org.setCreatedAt(now);
        org.setUpdatedAt(now);
        try {
            orgs.insert(org);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_enterprise_org_credit_code")) {
                throw ApiException.conflict("ENTERPRISE_ORG_EXISTS", "该统一社会信用代码的单位已存在");
            }
            throw e;
        }
        return OrgResponse.of(org);
    }

    public OrgResponse get(long orgId) {
        return OrgResponse.of(require(orgId));
    }

    public PageResult<OrgResponse> list(PageQuery page) {
        return PageResult.of(orgs.selectPage(page.toPage(), new QueryWrapper<EnterpriseOrg>().orderByDesc("id")),
                OrgResponse::of);
    }

    EnterpriseOrg require(long orgId) {
        EnterpriseOrg org = orgs.selectById(orgId);
        if (org == null) {
            throw EnterpriseErrors.orgNotFound();
        }
        return org;
    }

    /** Links a CITIZEN account to the organisation as its purchaser (again: no change). */
    public void linkPurchaser(CurrentUser admin, long orgId, long userId) {
        require(orgId);
        List<String> roles = jdbc.queryForList("SELECT role FROM user_account WHERE id = ?", String.class, userId);
        if (roles.isEmpty()) {
            throw ApiException.notFound("USER_NOT_FOUND", "账号不存在");
        }
        if (!"CITIZEN".equals(roles.get(0))) {
            throw EnterpriseErrors.unprocessable("PURCHASER_NOT_CITIZEN", "只有普通用户账号可以作为单位采购人");
        }
        try {
            jdbc.update("INSERT INTO enterprise_purchaser (user_id, org_id, created_by, created_at) VALUES (?, ?, ?, ?)",
                    userId, orgId, admin.id(), Timestamp.from(now()));
        } catch (DuplicateKeyException e) {
            Long current = purchaserOrg(userId);
            if (current == null || current != orgId) {
                throw ApiException.conflict("PURCHASER_OF_OTHER_ORG", "该账号已是其他单位的采购人");
            }
        }
    }

    public void unlinkPurchaser(long orgId, long userId) {
        if (jdbc.update("DELETE FROM enterprise_purchaser WHERE user_id = ? AND org_id = ?", userId, orgId) == 0) {
            throw ApiException.notFound("PURCHASER_NOT_FOUND", "该账号不是本单位的采购人");
        }
    }

    /** The organisation the caller buys for; 403 for anyone else. */
    long requirePurchaserOrg(CurrentUser user) {
        Long org = purchaserOrg(user.id());
        if (org == null) {
            throw EnterpriseErrors.notPurchaser();
        }
        return org;
    }

    private Long purchaserOrg(long userId) {
        return jdbc.queryForList("SELECT org_id FROM enterprise_purchaser WHERE user_id = ?", Long.class, userId).stream()
                .findFirst().orElse(null);
    }

    public ProgressResponse setTarget(CurrentUser admin, long orgId, int year, TargetRequest request) {
        require(orgId);
        requireYear(year);
        Timestamp now = Timestamp.from(now());
        jdbc.update("INSERT INTO enterprise_target (org_id, target_year, target_fen, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE target_fen = VALUES(target_fen), updated_by = VALUES(updated_by), "
                + "updated_at = VALUES(updated_at)", orgId, year, request.targetFen(), admin.id(), now);
        return progress(orgId, year);
    }

    /** Paid minus refunded of the organisation's purchase orders paid in the year, against the year's target. */
    public ProgressResponse progress(long orgId, int year) {
        require(orgId);
        requireYear(year);
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant();
        long[] sums = jdbc.queryForObject("SELECT COALESCE(SUM(o.paid_fen), 0), COALESCE(SUM(o.refunded_fen), 0) FROM orders o "
                + "JOIN enterprise_purchase p ON p.id = o.enterprise_purchase_id "
                + "WHERE p.org_id = ? AND o.paid_at >= ? AND o.paid_at < ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, orgId, Timestamp.from(from), Timestamp.from(to));
        Long target = jdbc.queryForList("SELECT target_fen FROM enterprise_target WHERE org_id = ? AND target_year = ?",
                Long.class, orgId, year).stream().findFirst().orElse(null);
        long bought = sums[0] - sums[1];
        return new ProgressResponse(orgId, year, target, sums[0], sums[1], bought,
                target == null ? null : Math.max(0, target - bought));
    }

    public int thisYear() {
        return LocalDate.now(clock.withZone(CHINA)).getYear();
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ApiException.badRequest("YEAR_INVALID", "年份须在 2000–2100 之间");
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
