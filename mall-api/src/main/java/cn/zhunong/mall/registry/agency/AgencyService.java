package cn.zhunong.mall.registry.agency;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.persistence.LikePattern;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agencies: only platform admins change them; staff read their own and the ones they aid. */
@Service
public class AgencyService {

    private final AgencyMapper agencies;
    private final AgencyScope scope;
    private final Clock clock;

    public AgencyService(AgencyMapper agencies, AgencyScope scope, Clock clock) {
        this.agencies = agencies;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional
    public AgencyResponse create(AgencyRequest request) {
        Agency agency = new Agency();
        apply(agency, request);
        agency.setCreatedAt(agency.getUpdatedAt());
        try {
            agencies.insert(agency);
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
        return AgencyResponse.of(agency);
    }

    @Transactional
    public AgencyResponse update(long id, AgencyRequest request) {
        Agency agency = agencies.selectById(id);
        if (agency == null) {
            throw notFound();
        }
        apply(agency, request);
        try {
            agencies.updateById(agency);
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
        return AgencyResponse.of(agency);
    }

    public AgencyResponse get(CurrentUser user, long id) {
        Agency agency = agencies.selectById(id);
        if (agency == null || !scope.canRead(user, id)) {
            throw notFound();
        }
        return AgencyResponse.of(agency);
    }

    public PageResult<AgencyResponse> list(CurrentUser user, AgencyFilter filter, PageQuery page) {
        Set<Long> readable = scope.readableAgencies(user);
        if (readable != null && readable.isEmpty()) {
            return PageResult.of(page.<Agency>toPage(), AgencyResponse::of);
        }
        LambdaQueryWrapper<Agency> query = new LambdaQueryWrapper<Agency>()
                .in(readable != null, Agency::getId, readable)
                .like(hasText(filter.q()), Agency::getName, filter.q() == null ? null : LikePattern.escape(filter.q().trim()))
                .likeRight(hasText(filter.regionCode()), Agency::getRegionCode, filter.regionCode())
                .eq(filter.type() != null, Agency::getType, filter.agencyType())
                .orderByAsc(Agency::getId);
        Page<Agency> result = agencies.selectPage(page.toPage(), query);
        return PageResult.of(result, AgencyResponse::of);
    }

    private void apply(Agency agency, AgencyRequest request) {
        agency.setName(request.name().trim());
        agency.setType(request.type());
        agency.setCreditCode(request.creditCode());
        agency.setRegionCode(request.regionCode());
        agency.setContactName(request.contactName());
        agency.setUpdatedAt(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    }

    private static RuntimeException translate(DuplicateKeyException e) {
        if (DuplicateKeys.violates(e, "uk_agency_credit_code")) {
            return ApiException.conflict("CREDIT_CODE_EXISTS", "该统一社会信用代码已登记");
        }
        return e;
    }

    static ApiException notFound() {
        return ApiException.notFound("AGENCY_NOT_FOUND", "机构不存在");
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
