package cn.zhunong.mall.catalog.product;

import cn.zhunong.mall.catalog.CatalogChanges;
import cn.zhunong.mall.catalog.CatalogTime;
import cn.zhunong.mall.catalog.category.CategoryService;
import cn.zhunong.mall.catalog.certification.CertificationService;
import cn.zhunong.mall.catalog.image.ImageResponse;
import cn.zhunong.mall.catalog.image.ProductImageService;
import cn.zhunong.mall.catalog.shipping.ShippingTemplateService;
import cn.zhunong.mall.catalog.sku.SkuService;
import cn.zhunong.mall.catalog.tag.CampaignTagResponse;
import cn.zhunong.mall.catalog.tag.CampaignTagService;
import cn.zhunong.mall.infra.persistence.LikePattern;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.scope.AgencyScope;
import cn.zhunong.mall.registry.village.Village;
import cn.zhunong.mall.registry.village.VillageMapper;
import cn.zhunong.mall.registry.village.VillageService;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listings as agency staff manage them: staff list produce of their own agency's villages only;
 * staff of an aiding agency may look but not change. Status moves are compare-and-set
 * ({@code WHERE status = ?}), so two racing moves cannot both win.
 */
@Service
public class ProductService {

    private final CatalogProductMapper products;
    private final VillageMapper villages;
    private final VillageService villageService;
    private final ProductAccess access;
    private final AgencyScope scope;
    private final CategoryService categories;
    private final ShippingTemplateService shipping;
    private final CampaignTagService tags;
    private final SkuService skus;
    private final CertificationService certifications;
    private final ProductImageService images;
    private final CatalogChanges changes;
    private final CatalogTime time;

    public ProductService(CatalogProductMapper products, VillageMapper villages, VillageService villageService,
            ProductAccess access, AgencyScope scope, CategoryService categories, ShippingTemplateService shipping,
            CampaignTagService tags, SkuService skus, CertificationService certifications, ProductImageService images,
            CatalogChanges changes, CatalogTime time) {
        this.products = products;
        this.villages = villages;
        this.villageService = villageService;
        this.access = access;
        this.scope = scope;
        this.categories = categories;
        this.shipping = shipping;
        this.tags = tags;
        this.skus = skus;
        this.certifications = certifications;
        this.images = images;
        this.changes = changes;
        this.time = time;
    }

    @Transactional
    public ProductAdminResponse create(CurrentUser user, ProductRequest request) {
        Village village = villageService.requireWritable(user, request.villageId());
        requireReferences(request, village);
        Product product = new Product();
        product.setAgencyId(village.getAgencyId());
        product.setVillageId(village.getId());
        product.setCategoryId(request.categoryId());
        product.setShippingTemplateId(request.shippingTemplateId());
        product.setName(request.name().strip());
        product.setSubtitle(blankToNull(request.subtitle()));
        product.setDescription(blankToNull(request.description()));
        product.setPerishable(Boolean.TRUE.equals(request.perishable()));
        product.setStatus(ProductStatus.DRAFT);
        product.setSalesUnits(0L);
        product.setCreatedAt(time.now());
        product.setUpdatedAt(product.getCreatedAt());
        products.insert(product);
        changes.searchableChanged(product.getId());
        return view(new ProductRef(product, village), true);
    }

    @Transactional
    public ProductAdminResponse update(CurrentUser user, long id, ProductRequest request) {
        ProductRef ref = access.lockWritable(user, id);
        if (!ref.village().getId().equals(request.villageId())) {
            throw ApiException.badRequest("VILLAGE_IMMUTABLE", "商品的产地村不能修改");
        }
        requireReferences(request, ref.village());
        // column by column: sales_units is the order path's, and must not be written back from this copy
        products.update(null, new LambdaUpdateWrapper<Product>().eq(Product::getId, id)
                .set(Product::getAgencyId, ref.village().getAgencyId())
                .set(Product::getCategoryId, request.categoryId())
                .set(Product::getShippingTemplateId, request.shippingTemplateId())
                .set(Product::getName, request.name().strip())
                .set(Product::getSubtitle, blankToNull(request.subtitle()))
                .set(Product::getDescription, blankToNull(request.description()))
                .set(Product::getPerishable, Boolean.TRUE.equals(request.perishable()))
                .set(Product::getUpdatedAt, time.now()));
        changes.searchableChanged(id);
        return get(user, id);
    }

    @Transactional
    public ProductAdminResponse changeStatus(CurrentUser user, long id, ProductStatus target) {
        ProductRef ref = access.lockWritable(user, id);
        ProductStatus current = ref.product().getStatus();
        if (!current.canBecome(target)) {
            throw stateConflict(current, target);
        }
        if (target == ProductStatus.ON_SALE) {
            if (skus.activeSkuCount(id) == 0) {
                throw ApiException.conflict("PRODUCT_NO_ACTIVE_SKU", "上架前至少要有一个启用的规格");
            }
            if (products.countExpiredCertifications(id, time.today()) > 0) {
                throw ApiException.conflict("CERTIFICATION_EXPIRED", "商品有已过期的认证，请续期或删除后再上架");
            }
        }
        OffSaleReason reason = target == ProductStatus.OFF_SALE ? OffSaleReason.MANUAL : null;
        if (products.transition(id, current, target, reason, time.now()) == 0) {
            throw stateConflict(current, target);
        }
        changes.shownChanged(id);
        return get(user, id);
    }

    @Transactional
    public ProductAdminResponse replaceTags(CurrentUser user, long id, List<String> codes) {
        access.lockWritable(user, id);
        tags.replaceTags(id, codes);
        changes.searchableChanged(id);
        return get(user, id);
    }

    public ProductAdminResponse get(CurrentUser user, long id) {
        ProductRef ref = access.requireReadable(user, id);
        return view(new ProductRef(products.selectById(id), ref.village()), access.canWrite(user, ref));
    }

    public PageResult<ProductSummary> list(CurrentUser user, ProductFilter filter, PageQuery page) {
        Set<Long> readable = scope.readableAgencies(user);
        if (readable != null && readable.isEmpty()) {
            return PageResult.of(page.<Product>toPage(), p -> null);
        }
        String q = filter.q() == null ? null : filter.q().strip();
        LambdaQueryWrapper<Product> query = new LambdaQueryWrapper<Product>()
                // scope follows the village's agency today, not the denormalised product.agency_id
                .inSql(readable != null, Product::getVillageId, readable == null ? "" : "SELECT id FROM village WHERE agency_id IN ("
                        + readable.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")
                .eq(filter.villageId() != null, Product::getVillageId, filter.villageId())
                .eq(filter.status() != null, Product::getStatus, filter.status())
                .like(q != null && !q.isEmpty(), Product::getName, q == null ? null : LikePattern.escape(q))
                .orderByDesc(Product::getUpdatedAt).orderByDesc(Product::getId);
        Page<Product> result = products.selectPage(page.toPage(), query);
        List<Long> villageIds = result.getRecords().stream().map(Product::getVillageId).distinct().toList();
        Map<Long, Village> byId = villageIds.isEmpty() ? Map.of()
                : villages.selectByIds(villageIds).stream().collect(Collectors.toMap(Village::getId, Function.identity()));
        return PageResult.of(result, p -> {
            Village v = byId.get(p.getVillageId());
            return new ProductSummary(p.getId(), p.getVillageId(), v.getName(), p.getName(), p.getStatus(),
                    p.getOffSaleReason(), p.getMinPriceFen(), p.getSalesUnits(), scope.canWrite(user, v.getAgencyId()),
                    p.getUpdatedAt());
        });
    }

    private ProductAdminResponse view(ProductRef ref, boolean writable) {
        Product p = ref.product();
        long id = p.getId();
        return new ProductAdminResponse(id, p.getAgencyId(), p.getVillageId(), ref.village().getName(), p.getCategoryId(),
                p.getShippingTemplateId(), p.getName(), p.getSubtitle(), p.getDescription(), Boolean.TRUE.equals(p.getPerishable()),
                p.getStatus(), p.getOffSaleReason(), p.getSalesUnits(), p.getMinPriceFen(), p.getOnSaleAt(),
                tags.tagsOf(id).stream().map(CampaignTagResponse::of).toList(), skus.skusWithLots(id),
                certifications.of(id), images.of(id).stream().map(ImageResponse::of).toList(), writable,
                p.getCreatedAt(), p.getUpdatedAt());
    }

    private void requireReferences(ProductRequest request, Village village) {
        if (request.categoryId() != null) {
            categories.requireReferenced(request.categoryId());
        }
        if (request.shippingTemplateId() != null) {
            shipping.requireUsableBy(request.shippingTemplateId(), village.getAgencyId());
        }
    }

    private static ApiException stateConflict(ProductStatus from, ProductStatus to) {
        return ApiException.conflict("PRODUCT_STATE_CONFLICT", "商品当前状态为 " + from + "，不能变为 " + to);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
