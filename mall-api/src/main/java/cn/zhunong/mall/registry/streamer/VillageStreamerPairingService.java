package cn.zhunong.mall.registry.streamer;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.scope.AgencyScope;
import cn.zhunong.mall.registry.village.VillageService;
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
 * 村长–主播结对. Scoped by the village: readable villages give readable pairings, writable villages
 * writable ones. "One ACTIVE pairing per village–streamer pair" is the unique key uk_vsp_one_active, so
 * it holds under concurrent requests; status changes are compare-and-set.
 */
@Service
public class VillageStreamerPairingService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final VillageStreamerPairingMapper pairings;
    private final VillageService villages;
    private final StreamerService streamers;
    private final AgencyScope scope;
    private final Clock clock;

    public VillageStreamerPairingService(VillageStreamerPairingMapper pairings, VillageService villages,
            StreamerService streamers, AgencyScope scope, Clock clock) {
        this.pairings = pairings;
        this.villages = villages;
        this.streamers = streamers;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional
    public VillageStreamerPairingResponse create(CurrentUser user, VillageStreamerPairingRequest request) {
        if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            throw ApiException.badRequest("INVALID_PERIOD", "结束日期不能早于开始日期");
        }
        if (request.publicWelfare() && request.commissionBp() != 0) {
            throw ApiException.badRequest("PUBLIC_WELFARE_COMMISSION", "公益结对不能约定主播佣金");
        }
        villages.requireWritable(user, request.villageId());
        Streamer streamer = streamers.requireReadable(user, request.streamerId());
        requireVerified(streamer);
        VillageStreamerPairing pairing = new VillageStreamerPairing();
        pairing.setVillageId(request.villageId());
        pairing.setStreamerId(request.streamerId());
        pairing.setAgreementNo(request.agreementNo().trim());
        pairing.setSignedDate(request.signedDate());
        pairing.setStartDate(request.startDate());
        pairing.setEndDate(request.endDate());
        pairing.setPublicWelfare(request.publicWelfare());
        pairing.setCommissionBp(request.commissionBp());
        pairing.setStatus(PairingStatus.ACTIVE);
        pairing.setCreatedAt(now());
        pairing.setUpdatedAt(pairing.getCreatedAt());
        try {
            pairings.insert(pairing);
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
        return VillageStreamerPairingResponse.of(pairing);
    }

    @Transactional
    public VillageStreamerPairingResponse changeStatus(CurrentUser user, long id, PairingStatus target) {
        VillageStreamerPairing pairing = requireReadable(user, id);
        villages.requireWritable(user, pairing.getVillageId());
        PairingStatus current = pairing.getStatus();
        if (!current.canMoveTo(target)) {
            throw stateConflict(current, target);
        }
        if (target == PairingStatus.ACTIVE) {
            requireVerified(streamers.requireReadable(user, pairing.getStreamerId()));
        }
        int changed;
        try {
            changed = pairings.changeStatus(id, current, target, LocalDate.now(clock.withZone(CHINA)), now());
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
        if (changed == 0) {
            // someone else changed the status between our read and our update
            throw stateConflict(pairings.selectById(id).getStatus(), target);
        }
        return VillageStreamerPairingResponse.of(pairings.selectById(id));
    }

    public VillageStreamerPairingResponse get(CurrentUser user, long id) {
        return VillageStreamerPairingResponse.of(requireReadable(user, id));
    }

    public PageResult<VillageStreamerPairingResponse> list(CurrentUser user, VillageStreamerPairingFilter filter,
            PageQuery page) {
        LambdaQueryWrapper<VillageStreamerPairing> query = new LambdaQueryWrapper<VillageStreamerPairing>()
                .eq(filter.villageId() != null, VillageStreamerPairing::getVillageId, filter.villageId())
                .eq(filter.streamerId() != null, VillageStreamerPairing::getStreamerId, filter.streamerId())
                .eq(filter.status() != null, VillageStreamerPairing::getStatus, filter.pairingStatus())
                .orderByAsc(VillageStreamerPairing::getId);
        Set<Long> readable = scope.readableAgencies(user);
        if (readable != null) {
            if (readable.isEmpty()) {
                query.apply("1 = 0");
            } else {
                // the ids come from the database as Longs, so inlining them cannot inject SQL
                String agencyIds = readable.stream().map(String::valueOf).collect(Collectors.joining(","));
                query.inSql(VillageStreamerPairing::getVillageId, "SELECT id FROM village WHERE agency_id IN (" + agencyIds + ")");
            }
        }
        return PageResult.of(pairings.selectPage(page.toPage(), query), VillageStreamerPairingResponse::of);
    }

    private VillageStreamerPairing requireReadable(CurrentUser user, long id) {
        VillageStreamerPairing pairing = pairings.selectById(id);
        ApiException notFound = ApiException.notFound("VILLAGE_STREAMER_PAIRING_NOT_FOUND", "结对不存在");
        if (pairing == null) {
            throw notFound;
        }
        try {
            villages.requireReadable(user, pairing.getVillageId());
        } catch (ApiException outOfScope) {
            throw notFound;
        }
        return pairing;
    }

    private static void requireVerified(Streamer streamer) {
        if (!Boolean.TRUE.equals(streamer.getRealNameVerified())) {
            throw ApiException.conflict("STREAMER_NOT_VERIFIED", "主播尚未完成实名认证，不能结对");
        }
    }

    private static ApiException stateConflict(PairingStatus from, PairingStatus to) {
        return ApiException.conflict("PAIRING_STATE_CONFLICT", "结对状态不能从 " + from + " 变为 " + to);
    }

    private static RuntimeException translate(DuplicateKeyException e) {
        if (DuplicateKeys.violates(e, "uk_vsp_one_active")) {
            return ApiException.conflict("PAIRING_ALREADY_ACTIVE", "该村与该主播已有生效中的结对");
        }
        if (DuplicateKeys.violates(e, "uk_vsp_agreement")) {
            return ApiException.conflict("AGREEMENT_NO_EXISTS", "该协议编号已被使用");
        }
        return e;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
