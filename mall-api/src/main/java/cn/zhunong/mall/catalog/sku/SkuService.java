package cn.zhunong.mall.catalog.sku;

import cn.zhunong.mall.catalog.CatalogChanges;
import cn.zhunong.mall.catalog.CatalogTime;
import cn.zhunong.mall.catalog.product.CatalogProductMapper;
import cn.zhunong.mall.catalog.product.ProductAccess;
import cn.zhunong.mall.catalog.product.ProductRef;
import cn.zhunong.mall.catalog.product.ProductStatus;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SKUs and their source lots. Every change locks the product first (so it cannot race a status
 * change), keeps product.min_price_fen current and reports the change for cache and search.
 * Stock and sold units are never written from a read copy: the order path changes them concurrently.
 */
@Service
public class SkuService {

    private final CatalogSkuMapper skus;
    private final CatalogSourceLotMapper lots;
    private final CatalogProductMapper products;
    private final ProductAccess access;
    private final HouseholdDirectory households;
    private final CatalogChanges changes;
    private final CatalogTime time;

    public SkuService(CatalogSkuMapper skus, CatalogSourceLotMapper lots, CatalogProductMapper products,
            ProductAccess access, HouseholdDirectory households, CatalogChanges changes, CatalogTime time) {
        this.skus = skus;
        this.lots = lots;
        this.products = products;
        this.access = access;
        this.households = households;
        this.changes = changes;
        this.time = time;
    }

    @Transactional
    public SkuResponse create(CurrentUser user, long productId, SkuRequest request) {
        ProductRef ref = access.lockWritable(user, productId);
        if (request.stock() == null) {
            throw ApiException.badRequest("STOCK_REQUIRED", "新建规格须填写初始库存 stock");
        }
        requireHouseholdOfVillage(request.householdId(), ref);
        Sku sku = new Sku();
        sku.setProductId(productId);
        sku.setSpec(request.spec().strip());
        sku.setUnit(request.unit());
        sku.setReportMilliUnits(reportMilliUnits(request));
        sku.setWeightGrams(request.weightGrams());
        sku.setPriceFen(request.priceFen());
        sku.setStock(request.stock());
        sku.setSoldUnits(0L);
        sku.setMaxPerOrder(request.maxPerOrder() == null ? 99 : request.maxPerOrder());
        sku.setHouseholdId(request.householdId());
        sku.setStatus(request.status() == null ? SkuStatus.ACTIVE : request.status());
        sku.setCreatedAt(time.now());
        sku.setUpdatedAt(sku.getCreatedAt());
        skus.insert(sku);
        skuChanged(productId);
        return SkuResponse.of(sku, List.of());
    }

    @Transactional
    public SkuResponse update(CurrentUser user, long productId, long skuId, SkuRequest request) {
        ProductRef ref = access.lockWritable(user, productId);
        Sku sku = requireSku(productId, skuId);
        if (request.stock() != null) {
            throw ApiException.badRequest("STOCK_READ_ONLY", "库存请通过库存调整接口修改");
        }
        requireHouseholdOfVillage(request.householdId(), ref);
        List<SourceLot> skuLots = lotsOf(List.of(skuId)).getOrDefault(skuId, List.of());
        if (request.householdId() != null && skuLots.stream().anyMatch(l -> !l.getHouseholdId().equals(request.householdId()))) {
            throw ApiException.conflict("SKU_HOUSEHOLD_CONFLICT", "该规格已有其他农户的货源批次，不能整体归属到一个农户");
        }
        SkuStatus status = request.status() == null ? sku.getStatus() : request.status();
        if (status == SkuStatus.DISABLED && sku.getStatus() == SkuStatus.ACTIVE
                && ref.product().getStatus() == ProductStatus.ON_SALE && activeSkuCount(productId) <= 1) {
            throw ApiException.conflict("LAST_ACTIVE_SKU", "在售商品至少要保留一个启用的规格，请先下架商品");
        }
        skus.update(null, new LambdaUpdateWrapper<Sku>().eq(Sku::getId, skuId)
                .set(Sku::getSpec, request.spec().strip())
                .set(Sku::getUnit, request.unit())
                .set(Sku::getReportMilliUnits, reportMilliUnits(request))
                .set(Sku::getWeightGrams, request.weightGrams())
                .set(Sku::getPriceFen, request.priceFen())
                .set(Sku::getMaxPerOrder, request.maxPerOrder() == null ? sku.getMaxPerOrder() : request.maxPerOrder())
                .set(Sku::getHouseholdId, request.householdId())
                .set(Sku::getStatus, status)
                .set(Sku::getUpdatedAt, time.now()));
        skuChanged(productId);
        return SkuResponse.of(skus.selectById(skuId), skuLots);
    }

    @Transactional
    public SkuResponse adjustStock(CurrentUser user, long productId, long skuId, int delta) {
        access.lockWritable(user, productId);
        requireSku(productId, skuId);
        if (skus.adjustStock(skuId, delta, time.now()) == 0) {
            throw ApiException.conflict("STOCK_NEGATIVE", "调整后库存不能小于 0");
        }
        changes.shownChanged(productId);
        return SkuResponse.of(skus.selectById(skuId), lotsOf(List.of(skuId)).getOrDefault(skuId, List.of()));
    }

    @Transactional
    public SourceLotResponse addLot(CurrentUser user, long productId, long skuId, SourceLotRequest request) {
        ProductRef ref = access.lockWritable(user, productId);
        Sku sku = requireSku(productId, skuId);
        requireHouseholdOfVillage(request.householdId(), ref);
        if (sku.getHouseholdId() != null && !sku.getHouseholdId().equals(request.householdId())) {
            throw ApiException.badRequest("LOT_HOUSEHOLD_MISMATCH", "该规格的收入全部归属另一农户，货源批次须来自同一农户");
        }
        if ((request.purchasePriceFen() == null) == (request.incomeShareBp() == null)) {
            throw ApiException.badRequest("SOURCE_LOT_RULE", "收购价 purchasePriceFen 与收益分成 incomeShareBp 须且只能填写一项");
        }
        if (request.receivedOn().isAfter(time.today())) {
            throw ApiException.badRequest("RECEIVED_ON_IN_FUTURE", "收货日期不能晚于今天");
        }
        SourceLot lot = new SourceLot();
        lot.setSkuId(skuId);
        lot.setHouseholdId(request.householdId());
        lot.setUnitsSupplied(request.unitsSupplied());
        lot.setUnitsAllocated(0);
        lot.setPurchasePriceFen(request.purchasePriceFen());
        lot.setIncomeShareBp(request.incomeShareBp());
        lot.setReceivedOn(request.receivedOn());
        lot.setCreatedAt(time.now());
        lots.insert(lot);
        changes.shownChanged(productId);
        return SourceLotResponse.of(lot);
    }

    @Transactional
    public void deleteLot(CurrentUser user, long productId, long skuId, long lotId) {
        access.lockWritable(user, productId);
        requireSku(productId, skuId);
        SourceLot lot = lots.selectById(lotId);
        if (lot == null || !lot.getSkuId().equals(skuId)) {
            throw ApiException.notFound("SOURCE_LOT_NOT_FOUND", "货源批次不存在");
        }
        if (lots.deleteIfUnused(lotId) == 0) {
            throw ApiException.conflict("SOURCE_LOT_IN_USE", "该批次已有销售分配，不能删除");
        }
        changes.shownChanged(productId);
    }

    public List<SkuResponse> list(CurrentUser user, long productId) {
        access.requireReadable(user, productId);
        return skusWithLots(productId);
    }

    /** The product's SKUs (oldest first) with their lots, as staff see them. */
    public List<SkuResponse> skusWithLots(long productId) {
        List<Sku> list = skus.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getProductId, productId).orderByAsc(Sku::getId));
        Map<Long, List<SourceLot>> bySku = lotsOf(list.stream().map(Sku::getId).toList());
        return list.stream().map(s -> SkuResponse.of(s, bySku.getOrDefault(s.getId(), List.of()))).toList();
    }

    public long activeSkuCount(long productId) {
        return skus.selectCount(new LambdaQueryWrapper<Sku>().eq(Sku::getProductId, productId).eq(Sku::getStatus, SkuStatus.ACTIVE));
    }

    private void skuChanged(long productId) {
        products.refreshMinPrice(productId);
        changes.shownChanged(productId);
    }

    private Map<Long, List<SourceLot>> lotsOf(Collection<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return Map.of();
        }
        return lots.selectList(new LambdaQueryWrapper<SourceLot>().in(SourceLot::getSkuId, skuIds)
                        .orderByAsc(SourceLot::getReceivedOn, SourceLot::getId))
                .stream().collect(Collectors.groupingBy(SourceLot::getSkuId));
    }

    private Sku requireSku(long productId, long skuId) {
        Sku sku = skus.selectById(skuId);
        if (sku == null || !sku.getProductId().equals(productId)) {
            throw ApiException.notFound("SKU_NOT_FOUND", "商品规格不存在");
        }
        return sku;
    }

    /** A household named for a SKU or lot must live in the product's village (unknown ones look the same). */
    private void requireHouseholdOfVillage(Long householdId, ProductRef ref) {
        if (householdId != null && !households.villageOf(householdId).map(v -> v.equals(ref.village().getId())).orElse(false)) {
            throw ApiException.badRequest("HOUSEHOLD_NOT_IN_VILLAGE", "该农户不属于商品的产地村");
        }
    }

    static long reportMilliUnits(SkuRequest request) {
        Long fixed = request.unit().fixedMilliJin();
        if (fixed == null) {
            return request.reportMilliUnits() == null ? 0 : request.reportMilliUnits();
        }
        if (request.reportMilliUnits() != null && !Objects.equals(request.reportMilliUnits(), fixed)) {
            throw ApiException.badRequest("REPORT_UNITS_MISMATCH",
                    "1 " + request.unit().label() + " 固定折合 " + fixed + "（千分之一斤），reportMilliUnits 可不填");
        }
        return fixed;
    }
}
