package cn.zhunong.mall.registry.village;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.persistence.LikePattern;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.agency.AgencyMapper;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Villages and their flags. Every access goes through {@link AgencyScope}: a village outside the
 * caller's readable agencies is "not found", one of an aided agency is read-only.
 */
@Service
public class VillageService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final VillageMapper villages;
    private final VillageFlagMapper flags;
    private final AgencyMapper agencies;
    private final AgencyScope scope;
    private final Clock clock;

    public VillageService(VillageMapper villages, VillageFlagMapper flags, AgencyMapper agencies, AgencyScope scope,
            Clock clock) {
        this.villages = villages;
        this.flags = flags;
        this.agencies = agencies;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional
    public VillageResponse create(CurrentUser user, VillageRequest request) {
        requireAgencyWritable(user, request.agencyId());
        requireDivisionInCounty(request);
        Village village = new Village();
        apply(village, request);
        village.setCreatedAt(village.getUpdatedAt());
        try {
            villages.insert(village);
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
        return VillageResponse.of(village, List.of(), today(), true);
    }

    @Transactional
    public VillageResponse update(CurrentUser user, long id, VillageRequest request) {
        Village village = requireWritable(user, id);
        if (!village.getAgencyId().equals(request.agencyId())) {
            requireAgencyWritable(user, request.agencyId());
        }
        requireDivisionInCounty(request);
        apply(village, request);
        try {
            villages.updateById(village);
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
        return VillageResponse.of(village, flagsOf(id), today(), true);
    }

    public VillageResponse get(CurrentUser user, long id) {
        Village village = requireReadable(user, id);
        return VillageResponse.of(village, flagsOf(id), today(), scope.canWrite(user, village.getAgencyId()));
    }

    public PageResult<VillageResponse> list(CurrentUser user, VillageFilter filter, PageQuery page) {
        Set<Long> readable = scope.readableAgencies(user);
        if (readable != null && readable.isEmpty()) {
            return PageResult.of(page.<Village>toPage(), v -> null);
        }
        LocalDate today = today();
        LambdaQueryWrapper<Village> query = new LambdaQueryWrapper<Village>()
                .in(readable != null, Village::getAgencyId, readable)
                .eq(filter.agencyId() != null, Village::getAgencyId, filter.agencyId())
                .like(hasText(filter.q()), Village::getName, hasText(filter.q()) ? LikePattern.escape(filter.q().trim()) : null)
                .eq(filter.countyCode() != null, Village::getCountyCode, filter.countyCode())
                .likeRight(filter.divisionCodePrefix() != null, Village::getDivisionCode, filter.divisionCodePrefix())
                .exists(filter.flag() != null,
                        "SELECT 1 FROM village_flag f WHERE f.village_id = village.id AND f.flag = {0} "
                                + "AND f.effective_from <= {1} AND (f.effective_to IS NULL OR f.effective_to >= {1})",
                        filter.flag(), today)
                .orderByAsc(Village::getId);
        Page<Village> result = villages.selectPage(page.toPage(), query);
        Map<Long, List<VillageFlag>> flagsByVillage = flagsOf(result.getRecords().stream().map(Village::getId).toList());
        return PageResult.of(result, v -> VillageResponse.of(v, flagsByVillage.getOrDefault(v.getId(), List.of()), today,
                scope.canWrite(user, v.getAgencyId())));
    }

    @Transactional
    public VillageResponse addFlag(CurrentUser user, long villageId, VillageFlagRequest request) {
        requireWritable(user, villageId);
        requirePeriod(request.effectiveFrom(), request.effectiveTo());
        villages.lockById(villageId);
        requireNoOverlap(villageId, request.flag(), request.effectiveFrom(), request.effectiveTo(), 0L);
        VillageFlag flag = new VillageFlag();
        flag.setVillageId(villageId);
        flag.setFlag(request.flag());
        flag.setEffectiveFrom(request.effectiveFrom());
        flag.setEffectiveTo(request.effectiveTo());
        flag.setCreatedAt(now());
        try {
            flags.insert(flag);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_village_flag_from")) {
                throw overlap();
            }
            throw e;
        }
        return get(user, villageId);
    }

    /** Sets the last day of a flag period (shortening or extending it, as long as it overlaps no other). */
    @Transactional
    public VillageResponse endFlag(CurrentUser user, long villageId, long flagId, LocalDate effectiveTo) {
        requireWritable(user, villageId);
        villages.lockById(villageId);
        VillageFlag flag = flags.selectById(flagId);
        if (flag == null || !flag.getVillageId().equals(villageId)) {
            throw ApiException.notFound("VILLAGE_FLAG_NOT_FOUND", "该村没有这条标记记录");
        }
        requirePeriod(flag.getEffectiveFrom(), effectiveTo);
        requireNoOverlap(villageId, flag.getFlag(), flag.getEffectiveFrom(), effectiveTo, flagId);
        flag.setEffectiveTo(effectiveTo);
        flags.updateById(flag);
        return get(user, villageId);
    }

    /** The village if the caller may read it; otherwise 404 VILLAGE_NOT_FOUND. */
    public Village requireReadable(CurrentUser user, long id) {
        Village village = villages.selectById(id);
        if (village == null) {
            throw notFound();
        }
        scope.requireRead(user, village.getAgencyId(), notFound());
        return village;
    }

    /** The village if the caller may change it; 404 outside the scope, 403 READ_ONLY_SCOPE for an aided agency's. */
    public Village requireWritable(CurrentUser user, long id) {
        Village village = villages.selectById(id);
        if (village == null) {
            throw notFound();
        }
        scope.requireWrite(user, village.getAgencyId(), notFound());
        return village;
    }

    public static ApiException notFound() {
        return ApiException.notFound("VILLAGE_NOT_FOUND", "村庄不存在");
    }

    private void requireAgencyWritable(CurrentUser user, long agencyId) {
        ApiException agencyNotFound = ApiException.notFound("AGENCY_NOT_FOUND", "机构不存在");
        scope.requireWrite(user, agencyId, agencyNotFound);
        if (agencies.selectById(agencyId) == null) {
            throw agencyNotFound;
        }
    }

    private static void requireDivisionInCounty(VillageRequest request) {
        if (!request.divisionCode().startsWith(request.countyCode())) {
            throw ApiException.badRequest("DIVISION_COUNTY_MISMATCH", "村级行政区划代码的前 6 位必须等于县级代码");
        }
    }

    private void requireNoOverlap(long villageId, VillageFlagType flag, LocalDate from, LocalDate to, long exceptId) {
        if (flags.countOverlapping(villageId, flag, from, to, exceptId) > 0) {
            throw overlap();
        }
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (to != null && to.isBefore(from)) {
            throw ApiException.badRequest("INVALID_PERIOD", "结束日期不能早于开始日期");
        }
    }

    private static ApiException overlap() {
        return ApiException.conflict("FLAG_PERIOD_OVERLAP", "该村同一标记的有效期不能重叠");
    }

    private static RuntimeException translate(DuplicateKeyException e) {
        if (DuplicateKeys.violates(e, "uk_village_division")) {
            return ApiException.conflict("DIVISION_CODE_EXISTS", "该行政区划代码的村庄已登记");
        }
        return e;
    }

    private void apply(Village village, VillageRequest request) {
        village.setAgencyId(request.agencyId());
        village.setName(request.name().trim());
        village.setDivisionCode(request.divisionCode());
        village.setCountyCode(request.countyCode());
        village.setCountyName(request.countyName().trim());
        village.setTownshipName(hasText(request.townshipName()) ? request.townshipName().trim() : null);
        village.setUpdatedAt(now());
    }

    private List<VillageFlag> flagsOf(long villageId) {
        return flagsOf(List.of(villageId)).getOrDefault(villageId, List.of());
    }

    private Map<Long, List<VillageFlag>> flagsOf(Collection<Long> villageIds) {
        if (villageIds.isEmpty()) {
            return Map.of();
        }
        return flags.selectList(new LambdaQueryWrapper<VillageFlag>()
                        .in(VillageFlag::getVillageId, villageIds)
                        .orderByAsc(VillageFlag::getFlag, VillageFlag::getEffectiveFrom))
                .stream().collect(Collectors.groupingBy(VillageFlag::getVillageId));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
