package cn.zhunong.mall.adoption;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Publishing adoption offers (agency staff, within their village scope) and showing them. An offer
 * is sold through one SKU of the agency's catalog that names the household: the ledger's
 * SKU_HOUSEHOLD rule then credits the household with the whole price, unchanged.
 */
@Service
public class AdoptionOfferService {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AdoptionOfferMapper offers;
    private final AgencyScope scope;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AdoptionOfferService(AdoptionOfferMapper offers, AgencyScope scope, JdbcTemplate jdbc, Clock clock) {
        this.offers = offers;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OfferResponse publish(CurrentUser user, CreateOfferRequest request) {
        Long agencyId = jdbc.queryForList("SELECT agency_id FROM village WHERE id = ?", Long.class, request.villageId())
                .stream().findFirst().orElseThrow(AdoptionErrors::villageNotFound);
        scope.requireWrite(user, agencyId, AdoptionErrors.villageNotFound());
        Integer inVillage = jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE id = ? AND village_id = ?", Integer.class,
                request.householdId(), request.villageId());
        if (inVillage == null || inVillage == 0) {
            throw AdoptionErrors.householdNotInVillage();
        }
        List<Map<String, Object>> sku = jdbc.queryForList("SELECT s.stock FROM sku s JOIN product p ON p.id = s.product_id "
                + "WHERE s.id = ? AND p.agency_id = ? AND s.household_id = ? AND s.status = 'ACTIVE' AND p.status = 'ON_SALE'",
                request.skuId(), agencyId, request.householdId());
        if (sku.isEmpty()) {
            throw AdoptionErrors.skuMismatch();
        }
        int stock = ((Number) sku.get(0).get("stock")).intValue();
        if (stock < request.totalItems()) {
            throw AdoptionErrors.skuStockShort(stock);
        }
        if (!request.harvestDate().isAfter(today())) {
            throw AdoptionErrors.harvestDatePast();
        }
        Instant now = now();
        AdoptionOffer offer = new AdoptionOffer();
        offer.setAgencyId(agencyId);
        offer.setVillageId(request.villageId());
        offer.setHouseholdId(request.householdId());
        offer.setSkuId(request.skuId());
        offer.setKind(request.kind());
        offer.setTitle(request.title().trim());
        offer.setSubject(request.subject().trim());
        offer.setHarvestDate(request.harvestDate());
        offer.setExpectedYieldMilli(Milli.of(request.expectedYield()));
        offer.setYieldUnit(request.yieldUnit());
        offer.setDelivery(request.delivery().trim());
        offer.setPriceFen(request.priceFen());
        offer.setTotalItems(request.totalItems());
        offer.setAdoptedItems(0);
        offer.setStatus(OfferStatus.OPEN);
        offer.setCreatedBy(user.id());
        offer.setCreatedAt(now);
        offer.setUpdatedAt(now);
        try {
            offers.insert(offer);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_adoption_offer_sku")) {
                throw AdoptionErrors.skuTaken();
            }
            throw e;
        }
        return OfferResponse.of(offer);
    }

    /** Stops new adoptions; adoptions made go on to their harvest. */
    public OfferResponse close(CurrentUser user, long offerId) {
        AdoptionOffer offer = requireWritable(user, offerId);
        offers.close(offerId, now());
        return OfferResponse.of(offers.selectById(offer.getId()));
    }

    public OfferResponse forStaff(CurrentUser user, long offerId) {
        AdoptionOffer offer = offers.selectById(offerId);
        if (offer == null) {
            throw AdoptionErrors.offerNotFound();
        }
        scope.requireRead(user, offer.getAgencyId(), AdoptionErrors.offerNotFound());
        return OfferResponse.of(offer);
    }

    public PageResult<OfferResponse> listForStaff(CurrentUser user, PageQuery page) {
        Set<Long> readable = scope.readableAgencies(user);
        LambdaQueryWrapper<AdoptionOffer> query = new LambdaQueryWrapper<AdoptionOffer>().orderByDesc(AdoptionOffer::getId);
        if (readable != null) {
            if (readable.isEmpty()) {
                return PageResult.of(page.<AdoptionOffer>toPage(), OfferResponse::of);
            }
            query.in(AdoptionOffer::getAgencyId, readable);
        }
        return PageResult.of(offers.selectPage(page.toPage(), query), OfferResponse::of);
    }

    /** What citizens see: open offers whose harvest is still ahead. */
    public PageResult<OfferResponse> listOpen(PageQuery page) {
        return PageResult.of(offers.selectPage(page.toPage(), new LambdaQueryWrapper<AdoptionOffer>()
                .eq(AdoptionOffer::getStatus, OfferStatus.OPEN)
                .gt(AdoptionOffer::getHarvestDate, today())
                .orderByDesc(AdoptionOffer::getId)), OfferResponse::of);
    }

    public OfferResponse get(long offerId) {
        AdoptionOffer offer = offers.selectById(offerId);
        if (offer == null) {
            throw AdoptionErrors.offerNotFound();
        }
        return OfferResponse.of(offer);
    }

    AdoptionOffer requireWritable(CurrentUser user, long offerId) {
        AdoptionOffer offer = offers.selectById(offerId);
        if (offer == null) {
            throw AdoptionErrors.offerNotFound();
        }
        scope.requireWrite(user, offer.getAgencyId(), AdoptionErrors.offerNotFound());
        return offer;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SHANGHAI));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
