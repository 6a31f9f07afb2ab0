package cn.zhunong.mall.catalog.shipping;

import cn.zhunong.mall.catalog.CatalogChanges;
import cn.zhunong.mall.catalog.CatalogTime;
import cn.zhunong.mall.catalog.product.CatalogProductMapper;
import cn.zhunong.mall.catalog.product.Product;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.agency.AgencyMapper;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Shipping templates belong to an agency: its staff manage them, aiding agencies' staff may read
 * them. Only the templates are kept here; the order side computes fees from them.
 */
@Service
public class ShippingTemplateService {

    private final CatalogShippingTemplateMapper templates;
    private final CatalogProductMapper products;
    private final AgencyMapper agencies;
    private final AgencyScope scope;
    private final CatalogChanges changes;
    private final CatalogTime time;
    private final ObjectMapper json;

    public ShippingTemplateService(CatalogShippingTemplateMapper templates, CatalogProductMapper products,
            AgencyMapper agencies, AgencyScope scope, CatalogChanges changes, CatalogTime time, ObjectMapper json) {
        this.templates = templates;
        this.products = products;
        this.agencies = agencies;
        this.scope = scope;
        this.changes = changes;
        this.time = time;
        this.json = json;
    }

    @Transactional
    public ShippingTemplateResponse create(CurrentUser user, ShippingTemplateRequest request) {
        ApiException agencyNotFound = ApiException.notFound("AGENCY_NOT_FOUND", "机构不存在");
        scope.requireWrite(user, request.agencyId(), agencyNotFound);
        if (agencies.selectById(request.agencyId()) == null) {
            throw agencyNotFound;
        }
        ShippingTemplate template = new ShippingTemplate();
        template.setAgencyId(request.agencyId());
        apply(template, request);
        template.setCreatedAt(template.getUpdatedAt());
        templates.insert(template);
        return toResponse(template, true);
    }

    @Transactional
    public ShippingTemplateResponse update(CurrentUser user, long id, ShippingTemplateRequest request) {
        ShippingTemplate template = require(user, id, true);
        if (!template.getAgencyId().equals(request.agencyId())) {
            throw ApiException.badRequest("AGENCY_IMMUTABLE", "运费模板所属机构不能修改");
        }
        apply(template, request);
        templates.updateById(template);
        changes.shownChanged(productsUsing(id));
        return toResponse(template, true);
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        require(user, id, true);
        if (!productsUsing(id).isEmpty()) {
            throw ApiException.conflict("SHIPPING_TEMPLATE_IN_USE", "仍有商品使用该运费模板，不能删除");
        }
        templates.deleteById(id);
    }

    public ShippingTemplateResponse get(CurrentUser user, long id) {
        ShippingTemplate template = require(user, id, false);
        return toResponse(template, scope.canWrite(user, template.getAgencyId()));
    }

    public PageResult<ShippingTemplateResponse> list(CurrentUser user, ShippingTemplateFilter filter, PageQuery page) {
        Set<Long> readable = scope.readableAgencies(user);
        if (readable != null && readable.isEmpty()) {
            return PageResult.of(page.<ShippingTemplate>toPage(), t -> null);
        }
        Page<ShippingTemplate> result = templates.selectPage(page.toPage(), new LambdaQueryWrapper<ShippingTemplate>()
                .in(readable != null, ShippingTemplate::getAgencyId, readable)
                .eq(filter.agencyId() != null, ShippingTemplate::getAgencyId, filter.agencyId())
                .orderByAsc(ShippingTemplate::getId));
        return PageResult.of(result, t -> toResponse(t, scope.canWrite(user, t.getAgencyId())));
    }

    /** A template a product of {@code agencyId} may use; 400 UNKNOWN_SHIPPING_TEMPLATE otherwise. */
    public ShippingTemplate requireUsableBy(long templateId, long agencyId) {
        ShippingTemplate template = templates.selectById(templateId);
        if (template == null || template.getAgencyId() != agencyId) {
            throw ApiException.badRequest("UNKNOWN_SHIPPING_TEMPLATE", "运费模板不存在或不属于该商品的机构");
        }
        return template;
    }

    public ShippingTemplate find(Long id) {
        return id == null ? null : templates.selectById(id);
    }

    public List<String> regionsOf(ShippingTemplate template) {
        String regions = template.getExcludedRegions();
        return regions == null || regions.isBlank() ? List.of() : json.readValue(regions, new TypeReference<List<String>>() { });
    }

    public ShippingTemplateResponse toResponse(ShippingTemplate t, boolean writable) {
        return new ShippingTemplateResponse(t.getId(), t.getAgencyId(), t.getName(), t.getMode(), t.getFlatFeeFen(),
                t.getFirstKgFeeFen(), t.getExtraKgFeeFen(), t.getFreeOverFen(), regionsOf(t), writable, t.getCreatedAt(),
                t.getUpdatedAt());
    }

    private List<Long> productsUsing(long templateId) {
        return products.selectList(new LambdaQueryWrapper<Product>().select(Product::getId)
                .eq(Product::getShippingTemplateId, templateId)).stream().map(Product::getId).toList();
    }

    private ShippingTemplate require(CurrentUser user, long id, boolean write) {
        ApiException notFound = ApiException.notFound("SHIPPING_TEMPLATE_NOT_FOUND", "运费模板不存在");
        ShippingTemplate template = templates.selectById(id);
        if (template == null) {
            throw notFound;
        }
        if (write) {
            scope.requireWrite(user, template.getAgencyId(), notFound);
        } else {
            scope.requireRead(user, template.getAgencyId(), notFound);
        }
        return template;
    }

    private void apply(ShippingTemplate template, ShippingTemplateRequest request) {
        requireFeesMatchMode(request);
        template.setName(request.name().strip());
        template.setMode(request.mode());
        template.setFlatFeeFen(zeroIfNull(request.flatFeeFen()));
        template.setFirstKgFeeFen(zeroIfNull(request.firstKgFeeFen()));
        template.setExtraKgFeeFen(zeroIfNull(request.extraKgFeeFen()));
        template.setFreeOverFen(request.freeOverFen());
        template.setExcludedRegions(json.writeValueAsString(normaliseRegions(request.excludedRegions())));
        template.setUpdatedAt(time.now());
    }

    static void requireFeesMatchMode(ShippingTemplateRequest r) {
        boolean ok = switch (r.mode()) {
            case FREE -> isZero(r.flatFeeFen()) && isZero(r.firstKgFeeFen()) && isZero(r.extraKgFeeFen()) && r.freeOverFen() == null;
            case FLAT -> r.flatFeeFen() != null && isZero(r.firstKgFeeFen()) && isZero(r.extraKgFeeFen());
            case BY_WEIGHT -> r.firstKgFeeFen() != null && r.extraKgFeeFen() != null && isZero(r.flatFeeFen());
        };
        if (!ok) {
            throw ApiException.badRequest("SHIPPING_FEES_INVALID",
                    "运费与计费方式不符：包邮不填运费；固定运费填 flatFeeFen；按重量填 firstKgFeeFen 和 extraKgFeeFen");
        }
    }

    static List<String> normaliseRegions(List<String> regions) {
        if (regions == null) {
            return List.of();
        }
        for (String code : regions) {
            if (!ProvinceCodes.isValid(code)) {
                throw ApiException.badRequest("INVALID_REGION_CODE", "不是有效的省级行政区划代码: " + code);
            }
        }
        return List.copyOf(new TreeSet<>(regions));
    }

    private static boolean isZero(Long fee) {
        return fee == null || fee == 0;
    }

    private static long zeroIfNull(Long fee) {
        return fee == null ? 0 : fee;
    }
}
