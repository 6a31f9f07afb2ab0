package cn.zhunong.mall.campaign;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns: organised by an agency (its staff, or a platform admin naming the agency), with the
 * villages and products they cover, targets, and the approved public wording.
 */
@Service
public class CampaignService {

    private final CampaignMapper campaigns;
    private final CampaignProgressReader progress;
    private final AgencyScope scope;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    public CampaignService(CampaignMapper campaigns, CampaignProgressReader progress, AgencyScope scope, JdbcTemplate jdbc,
            Clock clock, PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public CampaignResponse create(CurrentUser user, CampaignRequest request) {
        Long organiser = request.organiserAgencyId() != null ? request.organiserAgencyId() : user.agencyId();
        if (organiser == null) {
            throw unprocessable("ORGANISER_REQUIRED", "请指定主办机构");
        }
        ApiException agencyNotFound = ApiException.notFound("AGENCY_NOT_FOUND", "机构不存在");
        if (campaigns.agencyName(organiser) == null) {
            throw agencyNotFound;
        }
        scope.requireWrite(user, organiser, agencyNotFound);
        Long tagId = check(request);
        Instant now = now();
        Campaign campaign = new Campaign();
        campaign.setCode(request.code());
        campaign.setOrganiserAgencyId(organiser);
        campaign.setStatus(CampaignStatus.ACTIVE);
        campaign.setCreatedBy(user.id());
        campaign.setCreatedAt(now);
        apply(campaign, request, tagId, now);
        try {
            tx.executeWithoutResult(status -> {
                campaigns.insert(campaign);
                link(campaign.getId(), request);
            });
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_campaign_code")) {
                throw ApiException.conflict("CAMPAIGN_CODE_TAKEN", "活动编码已被使用");
            }
            throw e;
        }
        return view(campaign);
    }

    public CampaignResponse update(CurrentUser user, long id, CampaignRequest request) {
        Campaign campaign = writable(user, id);
        if (!campaign.getCode().equals(request.code())) {
            throw unprocessable("CODE_IMMUTABLE", "活动编码创建后不能修改（订单按编码归属）");
        }
        if (request.organiserAgencyId() != null && !request.organiserAgencyId().equals(campaign.getOrganiserAgencyId())) {
            throw unprocessable("ORGANISER_IMMUTABLE", "主办机构创建后不能修改");
        }
        Long tagId = check(request);
        apply(campaign, request, tagId, now());
        tx.executeWithoutResult(status -> {
            campaigns.updateById(campaign);
            campaigns.clearVillages(id);
            campaigns.clearProducts(id);
            link(id, request);
        });
        return view(campaign);
    }

    public CampaignResponse cancel(CurrentUser user, long id) {
        Campaign campaign = writable(user, id);
        campaign.setStatus(CampaignStatus.CANCELLED);
        campaign.setUpdatedAt(now());
        campaigns.updateById(campaign);
        return view(campaign);
    }

    public CampaignResponse get(CurrentUser user, long id) {
        return view(readable(user, id));
    }

    public PageResult<CampaignResponse> list(CurrentUser user, PageQuery page) {
        Set<Long> agencies = scope.readableAgencies(user);
        if (agencies != null && agencies.isEmpty()) {
            return new PageResult<>(List.of(), 1, 20, 0);
        }
        Page<Campaign> result = campaigns.selectPage(page.toPage(), new LambdaQueryWrapper<Campaign>()
                .in(agencies != null, Campaign::getOrganiserAgencyId, agencies)
                .orderByDesc(Campaign::getId));
        return PageResult.of(result, this::view);
    }

    public CampaignProgress progress(CurrentUser user, long id) {
        Campaign campaign = readable(user, id);
        return progress.read(campaign, campaigns.productIds(id));
    }

    /** The public page of an active campaign: approved wording, coverage and aggregate progress only. */
    public PublicCampaignView publicView(String code) {
        Campaign campaign = code == null ? null : campaigns.findByCode(code);
        if (campaign == null || campaign.getStatus() != CampaignStatus.ACTIVE) {
            throw notFound();
        }
        List<Long> productIds = campaigns.productIds(campaign.getId());
        List<PublicCampaignView.Named> villages = jdbc.query("SELECT v.id, v.name FROM campaign_village cv "
                + "JOIN village v ON v.id = cv.village_id WHERE cv.campaign_id = ? ORDER BY v.id",
                (rs, i) -> new PublicCampaignView.Named(rs.getLong(1), rs.getString(2)), campaign.getId());
        List<PublicCampaignView.Named> products = jdbc.query("SELECT p.id, p.name FROM campaign_product cp "
                + "JOIN product p ON p.id = cp.product_id WHERE cp.campaign_id = ? ORDER BY p.id",
                (rs, i) -> new PublicCampaignView.Named(rs.getLong(1), rs.getString(2)), campaign.getId());
        return new PublicCampaignView(campaign.getCode(), campaign.getType(), campaign.getType().label(), campaign.getName(),
                campaigns.agencyName(campaign.getOrganiserAgencyId()), campaign.getApprovedWording(), campaign.getStartsAt(),
                campaign.getEndsAt(), villages, products, progress.read(campaign, productIds));
    }

    /** Checks the request and answers the id of the product tag it names (null: none). */
    private Long check(CampaignRequest request) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw unprocessable("PERIOD_INVALID", "活动结束时间须晚于开始时间");
        }
        CampaignWording.check("活动名称", request.name());
        CampaignWording.check("宣传文案", request.approvedWording());
        Set<Long> villages = distinct(request.villageIds());
        if (!villages.isEmpty() && campaigns.existingVillages(villages).size() != villages.size()) {
            throw unprocessable("VILLAGE_NOT_FOUND", "帮扶村不存在");
        }
        Set<Long> products = distinct(request.productIds());
        if (!products.isEmpty() && campaigns.existingProducts(products).size() != products.size()) {
            throw unprocessable("PRODUCT_NOT_FOUND", "商品不存在");
        }
        if (request.productTagCode() == null) {
            return null;
        }
        Long tagId = campaigns.tagIdByCode(request.productTagCode());
        if (tagId == null) {
            throw unprocessable("TAG_NOT_FOUND", "商品活动标签不存在");
        }
        return tagId;
    }

    private void link(long id, CampaignRequest request) {
        distinct(request.villageIds()).forEach(v -> campaigns.addVillage(id, v));
        distinct(request.productIds()).forEach(p -> campaigns.addProduct(id, p));
    }

    private static Set<Long> distinct(List<Long> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }

    private static void apply(Campaign campaign, CampaignRequest request, Long tagId, Instant now) {
        campaign.setType(request.type());
        campaign.setTagId(tagId);
        campaign.setName(request.name().trim());
        campaign.setStartsAt(request.startsAt().truncatedTo(ChronoUnit.MILLIS));
        campaign.setEndsAt(request.endsAt().truncatedTo(ChronoUnit.MILLIS));
        campaign.setTargetGmvFen(request.targetGmvFen());
        campaign.setTargetUnits(request.targetUnits());
        campaign.setTargetHouseholds(request.targetHouseholds());
        campaign.setApprovedWording(request.approvedWording().trim());
        campaign.setUpdatedAt(now);
    }

    private CampaignResponse view(Campaign campaign) {
        return CampaignResponse.of(campaign, new ArrayList<>(campaigns.villageIds(campaign.getId())),
                new ArrayList<>(campaigns.productIds(campaign.getId())),
                campaign.getTagId() == null ? null : campaigns.tagCode(campaign.getTagId()));
    }

    private Campaign readable(CurrentUser user, long id) {
        Campaign campaign = campaigns.selectById(id);
        if (campaign == null) {
            throw notFound();
        }
        scope.requireRead(user, campaign.getOrganiserAgencyId(), notFound());
        return campaign;
    }

    private Campaign writable(CurrentUser user, long id) {
        Campaign campaign = campaigns.selectById(id);
        if (campaign == null) {
            throw notFound();
        }
        scope.requireWrite(user, campaign.getOrganiserAgencyId(), notFound());
        return campaign;
    }

    private static ApiException notFound() {
        return ApiException.notFound("CAMPAIGN_NOT_FOUND", "活动不存在");
    }

    private static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
