package cn.zhunong.mall.catalog.storefront;

import cn.zhunong.mall.catalog.CatalogProperties;
import cn.zhunong.mall.catalog.CatalogTime;
import cn.zhunong.mall.catalog.cache.CatalogCache;
import cn.zhunong.mall.catalog.category.Category;
import cn.zhunong.mall.catalog.category.CategoryMapper;
import cn.zhunong.mall.catalog.certification.Certification;
import cn.zhunong.mall.catalog.certification.CertificationExpiry;
import cn.zhunong.mall.catalog.certification.CertificationMapper;
import cn.zhunong.mall.catalog.certification.CertificationState;
import cn.zhunong.mall.catalog.image.ImageResponse;
import cn.zhunong.mall.catalog.image.ProductImageService;
import cn.zhunong.mall.catalog.product.CatalogProductMapper;
import cn.zhunong.mall.catalog.product.Product;
import cn.zhunong.mall.catalog.product.ProductAccess;
import cn.zhunong.mall.catalog.product.ProductStatus;
import cn.zhunong.mall.catalog.shipping.ShippingTemplate;
import cn.zhunong.mall.catalog.shipping.ShippingTemplateService;
import cn.zhunong.mall.catalog.sku.CatalogSkuMapper;
import cn.zhunong.mall.catalog.sku.Sku;
import cn.zhunong.mall.catalog.sku.SkuStatus;
import cn.zhunong.mall.catalog.storefront.ProductDetail.CategoryView;
import cn.zhunong.mall.catalog.storefront.ProductDetail.CertificationView;
import cn.zhunong.mall.catalog.storefront.ProductDetail.HouseholdsHelped;
import cn.zhunong.mall.catalog.storefront.ProductDetail.ShippingView;
import cn.zhunong.mall.catalog.storefront.ProductDetail.SkuView;
import cn.zhunong.mall.catalog.storefront.ProductDetail.StockState;
import cn.zhunong.mall.catalog.storefront.ProductDetail.TagView;
import cn.zhunong.mall.catalog.storefront.ProductDetail.VillageView;
import cn.zhunong.mall.catalog.storefront.StorefrontRepository.HouseholdPublicRow;
import cn.zhunong.mall.catalog.tag.CampaignTagService;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.village.Village;
import cn.zhunong.mall.registry.village.VillageFlag;
import cn.zhunong.mall.registry.village.VillageFlagMapper;
import cn.zhunong.mall.registry.village.VillageFlagType;
import cn.zhunong.mall.registry.village.VillageMapper;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/**
 * What buyers see, without logging in: on-sale products only, cached in Redis.
 * <p>
 * A cached detail remembers the day it was built: certification expiry and village flags change
 * with the date, so an entry from another day is rebuilt (and the rebuild takes a product with an
 * expired certification off sale). Stock in a cached detail may be up to {@code cache-ttl} old —
 * by design; the order path checks and reserves the real stock.
 */
@Service
public class StorefrontService {

    private static final TypeReference<CachedDetail> DETAIL = new TypeReference<>() { };
    private static final TypeReference<PageResult<ProductCard>> PAGE = new TypeReference<>() { };

    private final CatalogProductMapper products;
    private final VillageMapper villages;
    private final VillageFlagMapper flags;
    private final CategoryMapper categories;
    private final CampaignTagService tags;
    private final CatalogSkuMapper skus;
    private final CertificationMapper certifications;
    private final ProductImageService images;
    private final ShippingTemplateService shipping;
    private final CertificationExpiry expiry;
    private final StorefrontRepository repository;
    private final CatalogCache cache;
    private final CatalogTime time;
    private final CatalogProperties properties;

    public StorefrontService(CatalogProductMapper products, VillageMapper villages, VillageFlagMapper flags,
            CategoryMapper categories, CampaignTagService tags, CatalogSkuMapper skus, CertificationMapper certifications,
            ProductImageService images, ShippingTemplateService shipping, CertificationExpiry expiry,
            StorefrontRepository repository, CatalogCache cache, CatalogTime time, CatalogProperties properties) {
        this.products = products;
        this.villages = villages;
        this.flags = flags;
        this.categories = categories;
        this.tags = tags;
        this.skus = skus;
        this.certifications = certifications;
        this.images = images;
        this.shipping = shipping;
        this.expiry = expiry;
        this.repository = repository;
        this.cache = cache;
        this.time = time;
        this.properties = properties;
    }

    public PageResult<ProductCard> search(StorefrontQuery query, PageQuery pageQuery) {
        if (query.minPriceFen() != null && query.maxPriceFen() != null && query.minPriceFen() > query.maxPriceFen()) {
            throw ApiException.badRequest("INVALID_PRICE_RANGE", "最低价不能高于最高价");
        }
        long page = pageQuery.page() == null ? 1 : pageQuery.page();
        long size = pageQuery.size() == null ? 20 : pageQuery.size();
        LocalDate today = time.today();
        String key = page <= properties.cachedListPages() ? cache.listKey(canonical(query, today, page, size)) : null;
        return cache.getOrLoad(key, PAGE, () -> repository.search(query, today, page, size));
    }

    public ProductDetail detail(long id) {
        LocalDate today = time.today();
        String key = CatalogCache.detailKey(id);
        Optional<CachedDetail> cached = cache.get(key, DETAIL);
        if (cached.isPresent() && today.equals(cached.get().day())) {
            return cached.get().detail();
        }
        ProductDetail detail = load(id, today);
        cache.put(key, new CachedDetail(today, detail));
        return detail;
    }

    private ProductDetail load(long id, LocalDate today) {
        Product p = products.selectById(id);
        if (p == null || p.getStatus() != ProductStatus.ON_SALE || expiry.takeOffSaleIfExpired(id)) {
            throw ProductAccess.notFound();
        }
        Village village = villages.selectById(p.getVillageId());
        List<VillageFlagType> villageFlags = flags.selectList(new LambdaQueryWrapper<VillageFlag>()
                        .eq(VillageFlag::getVillageId, village.getId()))
                .stream().filter(f -> f.inForceOn(today)).map(VillageFlag::getFlag).distinct().sorted().toList();
        Category category = p.getCategoryId() == null ? null : categories.selectById(p.getCategoryId());
        List<SkuView> skuViews = skus.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getProductId, id)
                        .eq(Sku::getStatus, SkuStatus.ACTIVE).orderByAsc(Sku::getPriceFen, Sku::getId))
                .stream().map(this::skuView).toList();
        List<CertificationView> certs = certifications.selectList(new LambdaQueryWrapper<Certification>()
                        .eq(Certification::getProductId, id).orderByAsc(Certification::getType, Certification::getId))
                .stream().filter(c -> CertificationState.of(c, today) == CertificationState.VALID)
                .map(c -> new CertificationView(c.getType(), c.getType().label(), c.getNumber(), c.getIssuer(),
                        c.getValidFrom(), c.getValidTo()))
                .toList();
        ShippingTemplate template = shipping.find(p.getShippingTemplateId());
        return new ProductDetail(p.getId(), p.getName(), p.getSubtitle(), p.getDescription(),
                Boolean.TRUE.equals(p.getPerishable()), !Boolean.TRUE.equals(p.getPerishable()), p.getMinPriceFen(),
                p.getSalesUnits(), p.getOnSaleAt(),
                category == null ? null : new CategoryView(category.getId(), category.getName()),
                tags.tagsOf(id).stream().map(t -> new TagView(t.getCode(), t.getName())).toList(),
                skuViews, certs, images.of(id).stream().map(ImageResponse::of).toList(),
                new VillageView(village.getId(), village.getName(), village.getTownshipName(), village.getCountyCode(),
                        village.getCountyName(), villageFlags),
                template == null ? null : new ShippingView(template.getMode(), template.getFlatFeeFen(),
                        template.getFirstKgFeeFen(), template.getExtraKgFeeFen(), template.getFreeOverFen(),
                        shipping.regionsOf(template)),
                householdsHelped(id));
    }

    private HouseholdsHelped householdsHelped(long productId) {
        List<HouseholdPublicRow> rows = repository.householdsHelping(productId);
        List<String> aliases = rows.stream()
                .filter(h -> h.consentPublic() && h.publicAlias() != null && !h.publicAlias().isBlank())
                .map(HouseholdPublicRow::publicAlias).toList();
        return new HouseholdsHelped(aliases, rows.size() - aliases.size());
    }

    private SkuView skuView(Sku s) {
        int stock = s.getStock();
        StockState state = stock == 0 ? StockState.SOLD_OUT
                : stock <= properties.lowStockThreshold() ? StockState.LOW : StockState.IN_STOCK;
        return new SkuView(s.getId(), s.getSpec(), s.getUnit(), s.getUnit().label(), s.getReportMilliUnits(),
                s.getWeightGrams(), s.getPriceFen(), s.getMaxPerOrder(), stock, state);
    }

    /** Everything that decides a list page, in a fixed order, so equal queries share one cache entry. */
    private static String canonical(StorefrontQuery q, LocalDate today, long page, long size) {
        return String.join("|", "products", today.toString(), String.valueOf(q.q() == null ? "" : q.q().strip()),
                String.valueOf(q.villageId()), String.valueOf(q.countyCode()), String.valueOf(q.categoryId()),
                String.valueOf(q.campaign()), String.valueOf(q.minPriceFen()), String.valueOf(q.maxPriceFen()),
                String.valueOf(q.sort()), String.valueOf(page), String.valueOf(size));
    }

    /** A cached detail and the day (Asia/Shanghai) it was built for. */
    public record CachedDetail(LocalDate day, ProductDetail detail) {
    }
}
