package cn.zhunong.mall.registry.streamer;

import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.crypto.PiiCipher;
import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.persistence.LikePattern;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.pii.PiiAccessLog;
import cn.zhunong.mall.registry.scope.AgencyScope;
import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streamers. Who sees whom:
 * <ul>
 *   <li>PLATFORM_ADMIN: everyone, and may change everyone;</li>
 *   <li>AGENCY_STAFF: streamers their agency registered (and may change them), streamers registered by the
 *       platform (the shared pool agencies pair with), and streamers paired with a village they can read;</li>
 *   <li>others: nobody.</li>
 * </ul>
 * The full ID number leaves the server only through {@link #revealIdentity}, which needs the PII
 * permission and is audit-logged.
 */
@Service
public class StreamerService {

    public static final int MINIMUM_AGE = 16;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final StreamerMapper streamers;
    private final AgencyScope scope;
    private final PiiCipher cipher;
    private final PiiAccessLog piiLog;
    private final Clock clock;

    public StreamerService(StreamerMapper streamers, AgencyScope scope, PiiCipher cipher, PiiAccessLog piiLog,
            Clock clock) {
        this.streamers = streamers;
        this.scope = scope;
        this.cipher = cipher;
        this.piiLog = piiLog;
        this.clock = clock;
    }

    @Transactional
    public StreamerResponse create(CurrentUser user, StreamerRequest request) {
        String idNumber = ResidentIdNumber.normalise(request.idNumber());
        LocalDate today = today();
        if (ResidentIdNumber.ageOn(idNumber, today) < MINIMUM_AGE) {
            throw ApiException.badRequest("STREAMER_UNDERAGE", "主播须年满 " + MINIMUM_AGE + " 周岁");
        }
        Streamer streamer = new Streamer();
        streamer.setAgencyId(user.isAdmin() ? null : user.agencyId());
        streamer.setDisplayName(request.displayName().trim());
        streamer.setRealName(request.realName().trim());
        streamer.setIdNumberEnc(cipher.encrypt(idNumber));
        streamer.setIdNumberHash(cipher.hash(idNumber));
        streamer.setIdNumberMasked(Masking.idNumber(idNumber));
        streamer.setBirthDate(ResidentIdNumber.birthDate(idNumber).orElseThrow());
        streamer.setRealNameVerified(request.realNameVerified());
        streamer.setMcn(trimToNull(request.mcn()));
        streamer.setRegionCode(request.regionCode());
        streamer.setCreatedAt(now());
        streamer.setUpdatedAt(streamer.getCreatedAt());
        try {
            streamers.insert(streamer);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_streamer_id_number")) {
                throw ApiException.conflict("STREAMER_EXISTS", "该身份证号码的主播已登记");
            }
            throw e;
        }
        return StreamerResponse.of(streamer, today, true);
    }

    @Transactional
    public StreamerResponse update(CurrentUser user, long id, StreamerUpdateRequest request) {
        Streamer streamer = requireReadable(user, id);
        if (!canWrite(user, streamer)) {
            throw ApiException.forbidden("READ_ONLY_SCOPE", "该主播由其他机构登记，您只能查看");
        }
        streamer.setDisplayName(request.displayName().trim());
        streamer.setRealNameVerified(request.realNameVerified());
        streamer.setMcn(trimToNull(request.mcn()));
        streamer.setRegionCode(request.regionCode());
        streamer.setUpdatedAt(now());
        streamers.updateById(streamer);
        return StreamerResponse.of(streamer, today(), true);
    }

    public StreamerResponse get(CurrentUser user, long id) {
        Streamer streamer = requireReadable(user, id);
        return StreamerResponse.of(streamer, today(), canWrite(user, streamer));
    }

    public PageResult<StreamerResponse> list(CurrentUser user, StreamerFilter filter, PageQuery page) {
        LambdaQueryWrapper<Streamer> query = new LambdaQueryWrapper<Streamer>()
                .like(hasText(filter.q()), Streamer::getDisplayName, hasText(filter.q()) ? LikePattern.escape(filter.q().trim()) : null)
                .likeRight(filter.regionCode() != null, Streamer::getRegionCode, filter.regionCode())
                .eq(filter.agencyId() != null, Streamer::getAgencyId, filter.agencyId())
                .orderByAsc(Streamer::getId);
        restrictToReadable(user, query);
        LocalDate today = today();
        return PageResult.of(streamers.selectPage(page.toPage(), query), s -> StreamerResponse.of(s, today, canWrite(user, s)));
    }

    /** The full ID number: permission checked, the reveal recorded, then decrypted. */
    public StreamerIdentityResponse revealIdentity(CurrentUser user, long id, String purpose) {
        Streamer streamer = requireReadable(user, id);
        piiLog.requirePermission(user);
        piiLog.record(user, PiiAccessLog.Subject.STREAMER, id, "idNumber", purpose.trim());
        return new StreamerIdentityResponse(id, cipher.decrypt(streamer.getIdNumberEnc()));
    }

    /** The streamer if the caller may see it; otherwise 404 STREAMER_NOT_FOUND, so its existence does not leak. */
    public Streamer requireReadable(CurrentUser user, long id) {
        LambdaQueryWrapper<Streamer> query = new LambdaQueryWrapper<Streamer>().eq(Streamer::getId, id);
        restrictToReadable(user, query);
        Streamer streamer = streamers.selectOne(query);
        if (streamer == null) {
            throw ApiException.notFound("STREAMER_NOT_FOUND", "主播不存在");
        }
        return streamer;
    }

    private void restrictToReadable(CurrentUser user, LambdaQueryWrapper<Streamer> query) {
        Set<Long> readable = scope.readableAgencies(user);
        if (readable == null) {
            return;
        }
        if (readable.isEmpty()) {
            query.apply("1 = 0");
            return;
        }
        // the ids come from the database as Longs, so inlining them cannot inject SQL
        String agencyIds = readable.stream().map(String::valueOf).collect(Collectors.joining(","));
        Long own = user.agencyId();
        query.and(q -> q.eq(Streamer::getAgencyId, own)
                .or().isNull(Streamer::getAgencyId)
                .or().exists("SELECT 1 FROM village_streamer_pairing p JOIN village v ON v.id = p.village_id "
                        + "WHERE p.streamer_id = streamer.id AND v.agency_id IN (" + agencyIds + ")"));
    }

    private static boolean canWrite(CurrentUser user, Streamer streamer) {
        return user.isAdmin() || (user.isStaff() && user.agencyId() != null && user.agencyId().equals(streamer.getAgencyId()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
