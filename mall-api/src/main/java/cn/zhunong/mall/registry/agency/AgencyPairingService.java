package cn.zhunong.mall.registry.agency;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 牵手 pairings. One-to-one within a programme is enforced by the two unique keys
 * (programme, aiding) and (programme, aided), so it holds under concurrent requests; a pairing
 * that has ended still occupies its programme slot (the history stays).
 */
@Service
public class AgencyPairingService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AgencyPairingMapper pairings;
    private final AgencyMapper agencies;
    private final Clock clock;

    public AgencyPairingService(AgencyPairingMapper pairings, AgencyMapper agencies, Clock clock) {
        this.pairings = pairings;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Transactional
    public AgencyPairingResponse create(AgencyPairingRequest request) {
        if (request.aidingAgencyId().equals(request.aidedAgencyId())) {
            throw ApiException.badRequest("SELF_PAIRING", "机构不能与自身结成牵手对子");
        }
        requirePeriod(request.startDate(), request.endDate());
        if (agencies.selectById(request.aidingAgencyId()) == null || agencies.selectById(request.aidedAgencyId()) == null) {
            throw AgencyService.notFound();
        }
        AgencyPairing pairing = new AgencyPairing();
        pairing.setAidingAgencyId(request.aidingAgencyId());
        pairing.setAidedAgencyId(request.aidedAgencyId());
        pairing.setProgramme(request.programme().trim());
        pairing.setStartDate(request.startDate());
        pairing.setEndDate(request.endDate());
        pairing.setCreatedAt(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        try {
            pairings.insert(pairing);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_pairing_programme_aiding") || DuplicateKeys.violates(e, "uk_pairing_programme_aided")) {
                throw ApiException.conflict("PAIRING_EXISTS", "该计划中帮扶方或受援方已有牵手对子");
            }
            throw e;
        }
        return AgencyPairingResponse.of(pairing, today());
    }

    /** Sets the last day of the pairing; a pairing whose end has already passed stays as it is. */
    @Transactional
    public AgencyPairingResponse end(long id, LocalDate endDate) {
        AgencyPairing pairing = pairings.selectById(id);
        if (pairing == null) {
            throw notFound();
        }
        LocalDate today = today();
        if (pairing.getEndDate() != null && pairing.getEndDate().isBefore(today)) {
            throw ApiException.conflict("PAIRING_ALREADY_ENDED", "该牵手对子已结束");
        }
        requirePeriod(pairing.getStartDate(), endDate);
        pairing.setEndDate(endDate);
        pairings.updateById(pairing);
        return AgencyPairingResponse.of(pairing, today);
    }

    /** Admins see every pairing; staff only those their agency takes part in. */
    public PageResult<AgencyPairingResponse> list(CurrentUser user, AgencyPairingFilter filter, PageQuery page) {
        LambdaQueryWrapper<AgencyPairing> query = new LambdaQueryWrapper<AgencyPairing>()
                .eq(filter.programme() != null && !filter.programme().isBlank(), AgencyPairing::getProgramme,
                        filter.programme() == null ? null : filter.programme().trim())
                .orderByAsc(AgencyPairing::getId);
        if (!user.isAdmin()) {
            Long own = user.agencyId();
            query.and(q -> q.eq(AgencyPairing::getAidingAgencyId, own).or().eq(AgencyPairing::getAidedAgencyId, own));
        }
        if (filter.agencyId() != null) {
            Long other = filter.agencyId();
            query.and(q -> q.eq(AgencyPairing::getAidingAgencyId, other).or().eq(AgencyPairing::getAidedAgencyId, other));
        }
        LocalDate today = today();
        return PageResult.of(pairings.selectPage(page.toPage(), query), p -> AgencyPairingResponse.of(p, today));
    }

    private static void requirePeriod(LocalDate start, LocalDate end) {
        if (end != null && end.isBefore(start)) {
            throw ApiException.badRequest("INVALID_PERIOD", "结束日期不能早于开始日期");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private static ApiException notFound() {
        return ApiException.notFound("AGENCY_PAIRING_NOT_FOUND", "牵手对子不存在");
    }
}
