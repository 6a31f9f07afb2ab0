package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.persistence.LikePattern;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.pii.PiiAccessLog;
import cn.zhunong.mall.registry.scope.AgencyScope;
import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Household registry rules. Every record is scoped through its village's agency: outside the
 * caller's readable agencies it does not exist (404), inside but read-only it cannot change (403).
 */
@Service
public class HouseholdService {

    private final HouseholdMapper households;
    private final HouseholdCategoryHistoryMapper history;
    private final HouseholdVillages villages;
    private final HouseholdStore store;
    private final AgencyScope scope;
    private final PiiAccessLog piiLog;
    private final Clock clock;

    HouseholdService(HouseholdMapper households, HouseholdCategoryHistoryMapper history, HouseholdVillages villages,
            HouseholdStore store, AgencyScope scope, PiiAccessLog piiLog, Clock clock) {
        this.households = households;
        this.history = history;
        this.villages = villages;
        this.store = store;
        this.scope = scope;
        this.piiLog = piiLog;
        this.clock = clock;
    }

    @Transactional
    public HouseholdResponse create(CurrentUser user, CreateHouseholdRequest request) {
        VillageRef village = writableVillage(user, request.villageId());
        String idNumber = ResidentIdNumber.normalise(request.idNumber());
        if (idNumberTaken(store.idNumberHash(idNumber))) {
            throw householdExists();
        }
        NewHousehold household = new NewHousehold(HouseholdRules.normaliseName(request.headName()), request.category(),
                request.memberCount(), idNumber, request.bankAccount(), request.phone(), request.consentPublic(),
                request.publicAlias());
        try {
            return HouseholdResponse.of(store.insert(household, village, user.id()), village);
        } catch (DuplicateKeyException e) {
            // another request registered the same ID number after our check; the unique key decided
            throw householdExists();
        }
    }

    public HouseholdResponse get(CurrentUser user, long id) {
        Household household = findHousehold(id);
        VillageRef village = villageOf(household);
        scope.requireRead(user, village.agencyId(), householdNotFound());
        return HouseholdResponse.of(household, village);
    }

    @Transactional
    public HouseholdResponse update(CurrentUser user, long id, UpdateHouseholdRequest request) {
        Household household = lockHousehold(id);
        VillageRef village = villageOf(household);
        scope.requireWrite(user, village.agencyId(), householdNotFound());
        String headName = HouseholdRules.normaliseName(request.headName());
        household.setHeadName(headName);
        household.setMemberCount(request.memberCount());
        if (request.bankAccount() != null) {
            store.setBankAccount(household, request.bankAccount().isEmpty() ? null : request.bankAccount());
        }
        if (request.phone() != null) {
            store.setPhone(household, request.phone().isEmpty() ? null : request.phone());
        }
        household.setConsentPublic(request.consentPublic());
        household.setPublicAlias(HouseholdRules.aliasFor(request.consentPublic(), request.publicAlias(),
                village.name(), headName));
        household.setUpdatedAt(now());
        households.updateById(household);
        return HouseholdResponse.of(household, village);
    }

    /**
     * Changes the category and appends the history row in one transaction. The effective date may
     * not lie in the future nor before the current category's, so the history stays in order.
     */
    @Transactional
    public HouseholdResponse changeCategory(CurrentUser user, long id, ChangeCategoryRequest request) {
        Household household = lockHousehold(id);
        VillageRef village = villageOf(household);
        scope.requireWrite(user, village.agencyId(), householdNotFound());
        if (household.getCategory() == request.category()) {
            throw ApiException.conflict("CATEGORY_UNCHANGED", "该户已是此类别");
        }
        LocalDate today = store.today();
        if (request.effectiveFrom().isAfter(today)) {
            throw ApiException.badRequest("EFFECTIVE_FROM_INVALID", "生效日期不能晚于今天");
        }
        HouseholdCategoryChange latest = latestChange(id);
        if (latest != null && request.effectiveFrom().isBefore(latest.getEffectiveFrom())) {
            throw ApiException.badRequest("EFFECTIVE_FROM_INVALID",
                    "生效日期不能早于当前类别的生效日期 " + latest.getEffectiveFrom());
        }
        Instant now = now();
        household.setCategory(request.category());
        household.setUpdatedAt(now);
        households.updateById(household);
        store.appendHistory(id, request.category(), request.effectiveFrom(), request.reason().strip(), user.id(), now);
        return HouseholdResponse.of(household, village);
    }

    public List<CategoryChangeResponse> categoryHistory(CurrentUser user, long id) {
        Household household = findHousehold(id);
        scope.requireRead(user, villageOf(household).agencyId(), householdNotFound());
        return history.selectList(Wrappers.lambdaQuery(HouseholdCategoryChange.class)
                        .eq(HouseholdCategoryChange::getHouseholdId, id)
                        .orderByAsc(HouseholdCategoryChange::getId))
                .stream().map(CategoryChangeResponse::of).toList();
    }

    public PageResult<HouseholdResponse> list(CurrentUser user, HouseholdSearch search, PageQuery pageQuery) {
        Set<Long> agencies = scope.readableAgencies(user);
        Page<Household> page = pageQuery.toPage();
        if (agencies != null && agencies.isEmpty()) {
            return new PageResult<>(List.of(), page.getCurrent(), page.getSize(), 0);
        }
        LambdaQueryWrapper<Household> query = Wrappers.lambdaQuery(Household.class)
                .eq(search.villageId() != null, Household::getVillageId, search.villageId())
                .eq(search.category() != null, Household::getCategory, search.category())
                .eq(search.consentPublic() != null, Household::getConsentPublic, search.consentPublic())
                .like(search.q() != null && !search.q().isBlank(), Household::getHeadName,
                        LikePattern.escape(HouseholdRules.normaliseName(search.q())));
        restrictVillages(query, agencies, search);
        query.orderByDesc(Household::getId);
        households.selectPage(page, query);
        Map<Long, VillageRef> byId = villages.findAll(
                page.getRecords().stream().map(Household::getVillageId).collect(Collectors.toSet()));
        return PageResult.of(page, h -> HouseholdResponse.of(h, byId.get(h.getVillageId())));
    }

    /**
     * Returns full personal values after checking scope and permission and writing the audit row.
     * Reveals need WRITE scope: a 牵手 aiding agency may read an aided agency's households to
     * coordinate help, but full ID numbers, bank accounts and phones stay with the agency that is
     * responsible for the household (and platform admins), so aiding staff get 403 READ_ONLY_SCOPE.
     */
    public Map<String, Object> reveal(CurrentUser user, long id, RevealRequest request) {
        Household household = findHousehold(id);
        scope.requireWrite(user, villageOf(household).agencyId(), householdNotFound());
        piiLog.requirePermission(user);
        List<PiiField> fields = request.fields().stream().sorted().toList();
        piiLog.record(user, PiiAccessLog.Subject.HOUSEHOLD, id,
                fields.stream().map(Enum::name).collect(Collectors.joining(",")), request.purpose().strip());
        Map<String, Object> revealed = new LinkedHashMap<>();
        revealed.put("householdId", id);
        for (PiiField field : fields) {
            switch (field) {
                case ID_NUMBER -> revealed.put("idNumber", store.decrypt(household.getIdNumberEnc()));
                case BANK_ACCOUNT -> revealed.put("bankAccount", store.decrypt(household.getBankAccountEnc()));
                case PHONE -> revealed.put("phone", store.decrypt(household.getPhoneEnc()));
            }
        }
        return revealed;
    }

    /** What citizens may see of a household: its alias and village, only if it consented. */
    public Optional<PublicHouseholdView> publicView(long householdId) {
        Household household = households.selectById(householdId);
        if (household == null || !Boolean.TRUE.equals(household.getConsentPublic())) {
            return Optional.empty();
        }
        return villages.find(household.getVillageId()).map(v -> new PublicHouseholdView(
                household.getPublicAlias() != null ? household.getPublicAlias()
                        : HouseholdRules.defaultAlias(v.name(), household.getHeadName()),
                v.name()));
    }

    /** The village to register households in: 404 when not readable, 403 when read-only. */
    VillageRef writableVillage(CurrentUser user, long villageId) {
        ApiException notFound = ApiException.notFound("VILLAGE_NOT_FOUND", "村不存在");
        VillageRef village = villages.find(villageId).orElseThrow(() -> notFound);
        scope.requireWrite(user, village.agencyId(), notFound);
        return village;
    }

    boolean idNumberTaken(byte[] hash) {
        return households.exists(Wrappers.lambdaQuery(Household.class).eq(Household::getIdNumberHash, hash));
    }

    static ApiException householdExists() {
        return ApiException.conflict("HOUSEHOLD_EXISTS", "该身份证号的户已登记");
    }

    private static ApiException householdNotFound() {
        return ApiException.notFound("HOUSEHOLD_NOT_FOUND", "户不存在");
    }

    private Household findHousehold(long id) {
        Household household = households.selectById(id);
        if (household == null) {
            throw householdNotFound();
        }
        return household;
    }

    private Household lockHousehold(long id) {
        Household household = households.selectForUpdate(id);
        if (household == null) {
            throw householdNotFound();
        }
        return household;
    }

    private VillageRef villageOf(Household household) {
        // the foreign key guarantees the village; a miss would be a broken database, not a client error
        return villages.find(household.getVillageId())
                .orElseThrow(() -> new IllegalStateException("village missing for household " + household.getId()));
    }

    private HouseholdCategoryChange latestChange(long householdId) {
        return history.selectOne(Wrappers.lambdaQuery(HouseholdCategoryChange.class)
                .eq(HouseholdCategoryChange::getHouseholdId, householdId)
                .orderByDesc(HouseholdCategoryChange::getId)
                .last("LIMIT 1"));
    }

    /** Village-level filters (scope, county, region) as one sub-select on the village table. */
    private static void restrictVillages(LambdaQueryWrapper<Household> query, Set<Long> agencies, HouseholdSearch search) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (agencies != null) {
            List<String> placeholders = new ArrayList<>();
            for (Long agency : agencies) {
                placeholders.add("{" + params.size() + "}");
                params.add(agency);
            }
            conditions.add("agency_id IN (" + String.join(",", placeholders) + ")");
        }
        if (search.countyCode() != null) {
            conditions.add("county_code = {" + params.size() + "}");
            params.add(search.countyCode());
        }
        if (search.divisionCodePrefix() != null) {
            conditions.add("division_code LIKE {" + params.size() + "}");
            params.add(search.divisionCodePrefix() + "%");
        }
        if (!conditions.isEmpty()) {
            query.apply("village_id IN (SELECT id FROM village WHERE " + String.join(" AND ", conditions) + ")",
                    params.toArray());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
