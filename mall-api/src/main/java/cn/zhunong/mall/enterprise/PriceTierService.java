package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.registry.scope.AgencyScope;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quantity price tiers of a SKU, set by staff of the SKU's agency. */
@Service
public class PriceTierService {

    private final PriceTierStore store;
    private final AgencyScope scope;
    private final Clock clock;

    public PriceTierService(PriceTierStore store, AgencyScope scope, Clock clock) {
        this.store = store;
        this.scope = scope;
        this.clock = clock;
    }

    public PriceTierResponse get(CurrentUser user, long skuId) {
        PriceTierStore.SkuRef sku = requireSku(user, skuId, false);
        return new PriceTierResponse(skuId, sku.agencyId(), sku.priceFen(), store.tiers(skuId));
    }

    /**
     * Replaces the SKU's tiers. Each tier is at most the SKU price, and a larger quantity never
     * costs more per unit than a smaller one.
     */
    @Transactional
    public PriceTierResponse replace(CurrentUser user, long skuId, PriceTierRequest request) {
        PriceTierStore.SkuRef sku = requireSku(user, skuId, true);
        List<PriceTier> tiers = request.tiers().stream().map(t -> new PriceTier(t.minQuantity(), t.unitPriceFen()))
                .sorted(Comparator.comparingInt(PriceTier::minQuantity)).toList();
        Set<Integer> quantities = new HashSet<>();
        long previous = Long.MAX_VALUE;
        for (PriceTier tier : tiers) {
            if (!quantities.add(tier.minQuantity())) {
                throw EnterpriseErrors.unprocessable("TIER_QUANTITY_DUPLICATE", "同一起订数量只能设置一个阶梯价");
            }
            if (tier.unitPriceFen() > sku.priceFen()) {
                throw EnterpriseErrors.unprocessable("TIER_PRICE_ABOVE_SKU_PRICE", "阶梯价不能高于商品售价 " + sku.priceFen() + " 分");
            }
            if (tier.unitPriceFen() > previous) {
                throw EnterpriseErrors.unprocessable("TIER_PRICES_NOT_DESCENDING", "起订数量越大，阶梯单价不能越高");
            }
            previous = tier.unitPriceFen();
        }
        store.lockSku(skuId);
        store.replace(sku, tiers, user.id(), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        return new PriceTierResponse(skuId, sku.agencyId(), sku.priceFen(), tiers);
    }

    private PriceTierStore.SkuRef requireSku(CurrentUser user, long skuId, boolean write) {
        PriceTierStore.SkuRef sku = store.sku(skuId);
        if (sku == null) {
            throw EnterpriseErrors.skuNotFound();
        }
        if (write) {
            scope.requireWrite(user, sku.agencyId(), EnterpriseErrors.skuNotFound());
        } else {
            scope.requireRead(user, sku.agencyId(), EnterpriseErrors.skuNotFound());
        }
        return sku;
    }
}
