package cn.zhunong.mall.live;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.live.stream.StreamSigner;
import cn.zhunong.mall.live.stream.StreamUrls;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live sessions of an ACTIVE village–streamer pairing. They are managed by the paired streamer
 * (HOST) or by staff who may write the village's agency, and watched by anyone.
 */
@Service
public class LiveSessionService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration MAX_LENGTH = Duration.ofHours(12);

    private final LiveSessionMapper sessions;
    private final NamedParameterJdbcTemplate jdbc;
    private final AgencyScope scope;
    private final StreamSigner signer;
    private final LiveRoomDirectory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LiveSessionService(LiveSessionMapper sessions, NamedParameterJdbcTemplate jdbc, AgencyScope scope,
            StreamSigner signer, LiveRoomDirectory directory, Clock clock) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.scope = scope;
        this.signer = signer;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public LiveSessionResponse schedule(CurrentUser user, ScheduleLiveSessionRequest request) {
        Pairing pairing = pairing(request.pairingId());
        requireManage(user, pairing.agencyId(), pairing.streamerId(), ApiException.notFound("PAIRING_NOT_FOUND", "结对不存在"));
        if (!"ACTIVE".equals(pairing.status())) {
            throw ApiException.conflict("PAIRING_NOT_ACTIVE", "结对未生效，不能安排直播");
        }
        if (!request.scheduledEnd().isAfter(request.scheduledStart())) {
            throw ApiException.badRequest("INVALID_PERIOD", "结束时间必须晚于开始时间");
        }
        if (Duration.between(request.scheduledStart(), request.scheduledEnd()).compareTo(MAX_LENGTH) > 0) {
            throw ApiException.badRequest("SESSION_TOO_LONG", "单场直播不能超过 12 小时");
        }
        LocalDate day = request.scheduledStart().atZone(CHINA).toLocalDate();
        if (day.isBefore(pairing.startDate()) || (pairing.endDate() != null && day.isAfter(pairing.endDate()))) {
            throw ApiException.conflict("OUTSIDE_PAIRING_PERIOD", "直播日期不在结对协议期内");
        }
        Instant now = now();
        LiveSession session = new LiveSession();
        session.setPairingId(pairing.id());
        session.setVillageId(pairing.villageId());
        session.setAgencyId(pairing.agencyId());
        session.setStreamerId(pairing.streamerId());
        session.setTitle(request.title().strip());
        session.setScheduledStart(request.scheduledStart().truncatedTo(ChronoUnit.MILLIS));
        session.setScheduledEnd(request.scheduledEnd().truncatedTo(ChronoUnit.MILLIS));
        session.setStatus(LiveSessionStatus.SCHEDULED);
        session.setStreamName("zn" + HexFormat.of().formatHex(randomBytes()));
        session.setCreatedBy(user.id());
        session.setCreatedAt(now);
        session.setUpdatedAt(now);
        sessions.insert(session);
        directory.publish(session, LiveSessionStatus.SCHEDULED);
        return response(session);
    }

    public LiveSessionResponse get(long id) {
        return response(find(id));
    }

    public PageResult<LiveSessionResponse> list(LiveSessionStatus status, Long villageId, Long streamerId, PageQuery page) {
        return PageResult.of(sessions.selectPage(page.toPage(), Wrappers.lambdaQuery(LiveSession.class)
                .eq(status != null, LiveSession::getStatus, status)
                .eq(villageId != null, LiveSession::getVillageId, villageId)
                .eq(streamerId != null, LiveSession::getStreamerId, streamerId)
                .orderByDesc(LiveSession::getScheduledStart)), this::response);
    }

    @Transactional
    public LiveSessionResponse transition(CurrentUser user, long id, LiveSessionStatus to) {
        LiveSession session = find(id);
        requireManage(user, session.getAgencyId(), session.getStreamerId(), sessionNotFound());
        LiveSessionStatus from = session.getStatus();
        if (!from.next().contains(to) || sessions.transition(id, from, to, now()) == 0) {
            throw ApiException.conflict("LIVE_SESSION_STATE_CONFLICT", "直播状态为 " + from + "，不能变为 " + to);
        }
        directory.publish(session, to);
        return response(find(id));
    }

    /** Replaces the shelf; every SKU must be active, on sale, and from the session's village. */
    @Transactional
    public LiveSessionResponse replaceShelf(CurrentUser user, long id, List<Long> skuIds) {
        LiveSession session = find(id);
        requireManage(user, session.getAgencyId(), session.getStreamerId(), sessionNotFound());
        if (session.getStatus() == LiveSessionStatus.ENDED || session.getStatus() == LiveSessionStatus.CANCELLED) {
            throw ApiException.conflict("LIVE_SESSION_STATE_CONFLICT", "直播已结束，不能修改小黄车");
        }
        if (new HashSet<>(skuIds).size() != skuIds.size()) {
            throw ApiException.badRequest("DUPLICATE_SKU", "小黄车中有重复商品");
        }
        if (!skuIds.isEmpty()) {
            Map<Long, Map<String, Object>> found = jdbc.queryForList(
                    "SELECT s.id, s.status AS sku_status, p.status AS product_status, p.village_id FROM sku s "
                            + "JOIN product p ON p.id = s.product_id WHERE s.id IN (:ids)",
                    new MapSqlParameterSource("ids", skuIds)).stream()
                    .collect(Collectors.toMap(row -> ((Number) row.get("id")).longValue(), Function.identity()));
            for (Long skuId : skuIds) {
                Map<String, Object> row = found.get(skuId);
                if (row == null || !"ACTIVE".equals(row.get("sku_status")) || !"ON_SALE".equals(row.get("product_status"))
                        || ((Number) row.get("village_id")).longValue() != session.getVillageId()) {
                    throw ApiException.badRequest("SKU_NOT_ELIGIBLE", "商品 " + skuId + " 不是本村在售商品");
                }
            }
        }
        MapSqlParameterSource byId = new MapSqlParameterSource("id", id);
        jdbc.update("DELETE FROM live_session_shelf WHERE session_id = :id", byId);
        for (int i = 0; i < skuIds.size(); i++) {
            jdbc.update("INSERT INTO live_session_shelf (session_id, position, sku_id) VALUES (:id, :position, :sku)",
                    new MapSqlParameterSource("id", id).addValue("position", i + 1).addValue("sku", skuIds.get(i)));
        }
        return response(session);
    }

    /** Pull URLs for anyone while the session is scheduled or live; the push URL only for its managers. */
    public StreamUrls streamUrls(CurrentUser user, long id) {
        LiveSession session = find(id);
        if (session.getStatus() != LiveSessionStatus.SCHEDULED && session.getStatus() != LiveSessionStatus.LIVE) {
            throw ApiException.conflict("LIVE_SESSION_STATE_CONFLICT", "直播已结束");
        }
        StreamUrls urls = signer.sign(session.getStreamName());
        return user != null && canManage(user, session.getAgencyId(), session.getStreamerId()) ? urls : urls.withoutPush();
    }

    private void requireManage(CurrentUser user, long agencyId, long streamerId, ApiException notFound) {
        if (canManage(user, agencyId, streamerId)) {
            return;
        }
        if (user.role() == Role.AGENCY_STAFF) {
            scope.requireWrite(user, agencyId, notFound); // 404 outside scope, 403 when read-only
        }
        throw ApiException.forbidden("FORBIDDEN", "只有结对主播或所属机构可以管理该直播");
    }

    private boolean canManage(CurrentUser user, long agencyId, long streamerId) {
        return scope.canWrite(user, agencyId) || (user.role() == Role.HOST && user.streamerId() != null
                && user.streamerId() == streamerId);
    }

    private LiveSession find(long id) {
        LiveSession session = sessions.selectById(id);
        if (session == null) {
            throw sessionNotFound();
        }
        return session;
    }

    private Pairing pairing(long id) {
        List<Pairing> found = jdbc.query("SELECT p.id, p.village_id, p.streamer_id, p.status, p.start_date, p.end_date, "
                        + "v.agency_id FROM village_streamer_pairing p JOIN village v ON v.id = p.village_id WHERE p.id = :id",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new Pairing(rs.getLong("id"), rs.getLong("village_id"), rs.getLong("agency_id"),
                        rs.getLong("streamer_id"), rs.getString("status"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class)));
        if (found.isEmpty()) {
            throw ApiException.notFound("PAIRING_NOT_FOUND", "结对不存在");
        }
        return found.get(0);
    }

    private LiveSessionResponse response(LiveSession s) {
        Map<String, Object> names = jdbc.queryForMap("SELECT v.name AS village, st.display_name AS streamer FROM village v, "
                + "streamer st WHERE v.id = :village AND st.id = :streamer",
                new MapSqlParameterSource("village", s.getVillageId()).addValue("streamer", s.getStreamerId()));
        List<LiveSessionResponse.ShelfItem> shelf = jdbc.query("SELECT l.position, s.id, p.id AS product_id, p.name, s.spec, "
                        + "s.price_fen, s.stock FROM live_session_shelf l JOIN sku s ON s.id = l.sku_id "
                        + "JOIN product p ON p.id = s.product_id WHERE l.session_id = :id ORDER BY l.position",
                new MapSqlParameterSource("id", s.getId()),
                (rs, n) -> new LiveSessionResponse.ShelfItem(rs.getInt("position"), rs.getLong("id"), rs.getLong("product_id"),
                        rs.getString("name"), rs.getString("spec"), rs.getLong("price_fen"), rs.getInt("stock") > 0));
        return new LiveSessionResponse(s.getId(), s.getPairingId(), s.getVillageId(), (String) names.get("village"),
                s.getStreamerId(), (String) names.get("streamer"), s.getTitle(), s.getScheduledStart(), s.getScheduledEnd(),
                s.getStatus(), s.getStartedAt(), s.getEndedAt(), shelf);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ApiException sessionNotFound() {
        return ApiException.notFound("LIVE_SESSION_NOT_FOUND", "直播不存在");
    }

    private record Pairing(long id, long villageId, long agencyId, long streamerId, String status, LocalDate startDate,
            LocalDate endDate) {
    }
}
