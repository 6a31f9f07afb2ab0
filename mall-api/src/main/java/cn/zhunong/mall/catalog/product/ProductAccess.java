package cn.zhunong.mall.catalog.product;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.registry.scope.AgencyScope;
import cn.zhunong.mall.registry.village.Village;
import cn.zhunong.mall.registry.village.VillageMapper;
import org.springframework.stereotype.Component;

/**
 * Who may see or change a product: decided by the agency that serves its village today (not the
 * denormalised product.agency_id), through {@link AgencyScope}. Outside the readable scope a
 * product is "not found"; an aided agency's product is read-only (403 READ_ONLY_SCOPE).
 */
@Component
public class ProductAccess {

    private final CatalogProductMapper products;
    private final VillageMapper villages;
    private final AgencyScope scope;

    public ProductAccess(CatalogProductMapper products, VillageMapper villages, AgencyScope scope) {
        this.products = products;
        this.villages = villages;
        this.scope = scope;
    }

    public ProductRef requireReadable(CurrentUser user, long productId) {
        ProductRef ref = load(products.selectById(productId));
        scope.requireRead(user, ref.village().getAgencyId(), notFound());
        return ref;
    }

    /** The product locked for the rest of the transaction, if the caller may change it. */
    public ProductRef lockWritable(CurrentUser user, long productId) {
        ProductRef ref = load(products.selectById(productId));
        scope.requireWrite(user, ref.village().getAgencyId(), notFound());
        return new ProductRef(products.lockById(productId), ref.village());
    }

    public boolean canWrite(CurrentUser user, ProductRef ref) {
        return scope.canWrite(user, ref.village().getAgencyId());
    }

    public static ApiException notFound() {
        return ApiException.notFound("PRODUCT_NOT_FOUND", "商品不存在");
    }

    private ProductRef load(Product product) {
        if (product == null) {
            throw notFound();
        }
        Village village = villages.selectById(product.getVillageId());
        return new ProductRef(product, village);
    }
}
