package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.order.CatalogReader;
import cn.zhunong.mall.order.SkuOffer;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A purchase from quote to placing: prices come only from the catalog and the SKU agencies' tiers
 * (server-side), the organisation accepts the quote, gives recipients and invoice details.
 */
@Service
public class PurchaseService {

    private final EnterprisePurchaseMapper purchases;
    private final PurchaseStore store;
    private final PriceTierStore tiers;
    private final CatalogReader catalog;
    private final OrgService orgs;
    private final EnterpriseProperties properties;
    private final Clock clock;

    public PurchaseService(EnterprisePurchaseMapper purchases, PurchaseStore store, PriceTierStore tiers, CatalogReader catalog,
            OrgService orgs, EnterpriseProperties properties, Clock clock) {
        this.purchases = purchases;
        this.store = store;
        this.tiers = tiers;
        this.catalog = catalog;
        this.orgs = orgs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Prices the items (each SKU's tier for its total quantity) and stores the quote. */
    @Transactional
    public PurchaseResponse quote(CurrentUser user, QuoteRequest request) {
        long orgId = orgs.requirePurchaserOrg(user);
        Set<Long> skuIds = new LinkedHashSet<>();
        for (QuoteRequest.Item item : request.items()) {
            if (!skuIds.add(item.skuId())) {
                throw ApiException.badRequest("DUPLICATE_SKU", "同一规格在团购单中只能出现一次");
            }
        }
        Map<Long, SkuOffer> offers = catalog.offers(skuIds);
        Map<Long, List<PriceTier>> tiersBySku = tiers.tiers(skuIds);
        List<PurchaseResponse.Item> items = new ArrayList<>();
        long goods = 0;
        long list = 0;
        for (QuoteRequest.Item item : request.items()) {
            SkuOffer offer = offers.get(item.skuId());
            if (offer == null || !offer.buyable()) {
                throw EnterpriseErrors.unprocessable("SKU_UNAVAILABLE", "商品规格不存在或已下架: " + item.skuId());
            }
            long unit = TierPricing.unitPrice(offer.priceFen(), tiersBySku.getOrDefault(item.skuId(), List.of()), item.quantity());
            long line = Math.multiplyExact(unit, (long) item.quantity());
            items.add(new PurchaseResponse.Item(offer.skuId(), offer.agencyId(), item.quantity(), offer.priceFen(), unit, line));
            goods = Math.addExact(goods, line);
            list = Math.addExact(list, Math.multiplyExact(offer.priceFen(), (long) item.quantity()));
        }
        Instant now = now();
        EnterprisePurchase purchase = new EnterprisePurchase();
        purchase.setOrgId(orgId);
        purchase.setCreatedBy(user.id());
        purchase.setStatus(PurchaseStatus.QUOTED);
        purchase.setGoodsFen(goods);
        purchase.setListFen(list);
        purchase.setQuoteExpiresAt(now.plus(properties.quoteValidity()));
        purchase.setRecipientCount(0);
        purchase.setCreatedAt(now);
        purchase.setUpdatedAt(now);
        purchases.insert(purchase);
        store.insertItems(purchase.getId(), items);
        return view(purchase);
    }

    /** The caller's organisation's purchases, newest first. */
    public PageResult<PurchaseSummary> list(CurrentUser user, PageQuery page) {
        long orgId = orgs.requirePurchaserOrg(user);
        return PageResult.of(purchases.selectPage(page.toPage(), new QueryWrapper<EnterprisePurchase>().eq("org_id", orgId)
                .orderByDesc("id")), PurchaseSummary::of);
    }

    /** For platform admins: all purchases, optionally of one status (PLACED bank transfers wait for confirmation). */
    public PageResult<PurchaseSummary> listAll(PurchaseStatus status, PageQuery page) {
        QueryWrapper<EnterprisePurchase> query = new QueryWrapper<EnterprisePurchase>().orderByDesc("id");
        if (status != null) {
            query.eq("status", status.name());
        }
        return PageResult.of(purchases.selectPage(page.toPage(), query), PurchaseSummary::of);
    }

    public PurchaseResponse get(CurrentUser user, long purchaseId) {
        return view(requireOwn(user, purchaseId));
    }

    public PurchaseResponse accept(CurrentUser user, long purchaseId) {
        EnterprisePurchase purchase = requireOwn(user, purchaseId);
        if (purchase.getStatus() == PurchaseStatus.QUOTED && purchases.accept(purchaseId, now()) == 0) {
            EnterprisePurchase current = purchases.selectById(purchaseId);
            if (current.getStatus() == PurchaseStatus.QUOTED) {
                throw ApiException.conflict("QUOTE_EXPIRED", "报价已过期，请重新询价");
            }
        } else if (purchase.getStatus() != PurchaseStatus.QUOTED && purchase.getStatus() != PurchaseStatus.ACCEPTED) {
            throw EnterpriseErrors.stateConflict(purchase.getStatus(), "接受报价");
        }
        return view(purchases.selectById(purchaseId));
    }

    public PurchaseResponse setInvoice(CurrentUser user, long purchaseId, InvoiceRequest request) {
        EnterprisePurchase purchase = requireOwn(user, purchaseId);
        if (purchases.setInvoice(purchaseId, request.title().strip(), request.taxId(), now()) == 0) {
            throw EnterpriseErrors.stateConflict(purchases.selectById(purchase.getId()).getStatus(), "修改发票信息");
        }
        return view(purchases.selectById(purchaseId));
    }

    /**
     * Replaces the recipients with the file's rows — all of them or none: one bad row rejects the
     * file (422 RECIPIENTS_INVALID listing every bad row), so a purchase never ships to part of a list.
     */
    @Transactional
    public PurchaseResponse uploadRecipients(CurrentUser user, long purchaseId, MultipartFile file) {
        EnterprisePurchase purchase = requireOwn(user, purchaseId);
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("CSV_FILE_REQUIRED", "请上传收货人 CSV 文件（字段名 file）");
        }
        RecipientCsv.Parsed parsed;
        try {
            parsed = RecipientCsv.read(file.getBytes(), properties.maxRecipients());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("CSV_UNREADABLE", "文件读取失败");
        }
        if (!parsed.errors().isEmpty()) {
            throw new RecipientsInvalidException(parsed.recipients().size()
                    + (int) parsed.errors().stream().mapToLong(RecipientCsv.RowError::line).distinct().count(), parsed.errors());
        }
        int count = parsed.recipients().size();
        for (PurchaseResponse.Item item : store.items(purchaseId)) {
            if (item.quantity() % count != 0) {
                throw EnterpriseErrors.unprocessable("QUANTITY_NOT_DIVISIBLE", "规格 " + item.skuId() + " 的数量 "
                        + item.quantity() + " 不能平均分给 " + count + " 位收货人");
            }
        }
        // the status check and the replacement in one transaction, under the purchase row's lock
        if (purchases.setRecipientCount(purchaseId, count, now()) == 0) {
            throw EnterpriseErrors.stateConflict(purchases.selectById(purchase.getId()).getStatus(), "上传收货人");
        }
        store.replaceRecipients(purchaseId, parsed.recipients());
        return view(purchases.selectById(purchaseId));
    }

    public PurchaseResponse recordTransfer(CurrentUser user, long purchaseId, TransferRequest request) {
        EnterprisePurchase purchase = requireOwn(user, purchaseId);
        if (purchases.recordTransfer(purchaseId, request.reference(), now()) == 0) {
            EnterprisePurchase current = purchases.selectById(purchase.getId());
            if (current.getStatus() == PurchaseStatus.PLACED) {
                throw ApiException.conflict("NOT_BANK_TRANSFER_PURCHASE", "该团购单约定的付款方式不是对公转账");
            }
            throw EnterpriseErrors.stateConflict(current.getStatus(), "登记转账");
        }
        return view(purchases.selectById(purchaseId));
    }

    /** The caller's organisation's purchase; another organisation's is "not found". */
    EnterprisePurchase requireOwn(CurrentUser user, long purchaseId) {
        long orgId = orgs.requirePurchaserOrg(user);
        EnterprisePurchase purchase = purchases.selectById(purchaseId);
        if (purchase == null || purchase.getOrgId() != orgId) {
            throw EnterpriseErrors.purchaseNotFound();
        }
        return purchase;
    }

    EnterprisePurchase require(long purchaseId) {
        EnterprisePurchase purchase = purchases.selectById(purchaseId);
        if (purchase == null) {
            throw EnterpriseErrors.purchaseNotFound();
        }
        return purchase;
    }

    PurchaseResponse view(EnterprisePurchase p) {
        List<PurchaseResponse.PlacedOrder> orders = store.orders(p.getId());
        return new PurchaseResponse(p.getId(), p.getOrgId(), p.getStatus(), p.getGoodsFen(), p.getListFen(),
                p.getQuoteExpiresAt(), store.items(p.getId()), p.getRecipientCount(),
                p.getInvoiceTitle() == null ? null : new PurchaseResponse.Invoice(p.getInvoiceTitle(), p.getInvoiceTaxId()),
                p.getPaymentMethod() == null ? null : p.getPaymentMethod().name(), p.getTransferReference(), p.getConfirmedAt(),
                orders, orders.stream().mapToLong(PurchaseResponse.PlacedOrder::totalFen).sum());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
