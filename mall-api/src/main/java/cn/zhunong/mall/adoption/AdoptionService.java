package cn.zhunong.mall.adoption;

import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.order.Attribution;
import cn.zhunong.mall.order.CreateOrderRequest;
import cn.zhunong.mall.order.IdempotencyKeys;
import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderErrors;
import cn.zhunong.mall.order.OrderItemRequest;
import cn.zhunong.mall.order.OrderLifecycle;
import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderPlacementService;
import cn.zhunong.mall.order.OrderQueryService;
import cn.zhunong.mall.order.OrderResponse;
import cn.zhunong.mall.order.OrderStatus;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adopting and delivering the harvest.
 *
 * <p>Adopting is an ordinary order placed through {@link OrderPlacementService} at the offer's
 * price, preceded by the adoption row with the order's idempotency key and the agreement snapshot,
 * written in the transaction that takes the items from the offer by a conditional UPDATE — so
 * parallel adopters never get more than the offer has. If the order cannot be placed the items go
 * back; if it closes unpaid, {@link AdoptionOrderHook} gives them back.
 *
 * <p>The harvest delivery is recorded by the agency and then moves the order PAID → SHIPPED →
 * RECEIVED through {@link OrderLifecycle}: ORDER_RECEIVED reaches the ledger, whose after-sale
 * window (and so the household's available income) starts then. Recording again resumes the
 * transitions a crash may have left undone.
 */
@Service
public class AdoptionService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String DELIVERY_CARRIER = "认购交付";

    private final AdoptionOfferMapper offers;
    private final AdoptionMapper adoptions;
    private final AdoptionOfferService offerService;
    private final OrderPlacementService placement;
    private final OrderQueryService orderQueries;
    private final OrderLifecycle lifecycle;
    private final OrderMapper orders;
    private final AgencyScope scope;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    public AdoptionService(AdoptionOfferMapper offers, AdoptionMapper adoptions, AdoptionOfferService offerService,
            OrderPlacementService placement, OrderQueryService orderQueries, OrderLifecycle lifecycle, OrderMapper orders,
            AgencyScope scope, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.offers = offers;
        this.adoptions = adoptions;
        this.offerService = offerService;
        this.placement = placement;
        this.orderQueries = orderQueries;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.scope = scope;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The adoption and whether this call created it (false: an Idempotency-Key replay). */
    public record Adopted(AdoptionResponse response, boolean created) {
    }

    public Adopted adopt(CurrentUser buyer, String idempotencyKey, long offerId, AdoptRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        AdoptionOffer offer = offers.selectById(offerId);
        if (offer == null) {
            throw AdoptionErrors.offerNotFound();
        }
        CreateOrderRequest order = new CreateOrderRequest(List.of(new OrderItemRequest(offer.getSkuId(), request.items())),
                request.address(), Attribution.NONE, request.note(), null);
        Adoption existing = adoptions.findByUserKey(buyer.id(), key);
        if (existing != null) {
            return replay(buyer, key, order, offer, existing);
        }
        if (offer.getStatus() != OfferStatus.OPEN || !offer.getHarvestDate().isAfter(offerService.today())) {
            throw AdoptionErrors.offerNotOpen();
        }
        Adoption adoption;
        try {
            adoption = reserve(buyer, key, offer, request);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_adoption_idempotency")) {
                return replay(buyer, key, order, offer, adoptions.findByUserKey(buyer.id(), key));
            }
            throw e;
        }
        OrderPlacementService.Placement placed;
        try {
            placed = placement.place(buyer, key, order, Map.of(offer.getSkuId(), offer.getPriceFen()));
        } catch (RuntimeException e) {
            unreserve(adoption);
            throw e;
        }
        if (!placed.created()) {
            // the key belongs to an ordinary order placed before: not an adoption
            unreserve(adoption);
            throw OrderErrors.idempotencyKeyReused();
        }
        adoptions.attachOrder(adoption.getId(), placed.order().id(), now());
        return new Adopted(AdoptionResponse.of(adoptions.selectById(adoption.getId()), placed.order()), true);
    }

    private Adoption reserve(CurrentUser buyer, String key, AdoptionOffer offer, AdoptRequest request) {
        Instant now = now();
        Adoption adoption = new Adoption();
        adoption.setOfferId(offer.getId());
        adoption.setAgencyId(offer.getAgencyId());
        adoption.setUserId(buyer.id());
        adoption.setIdempotencyKey(key);
        adoption.setItems(request.items());
        adoption.setStatus(AdoptionStatus.RESERVED);
        adoption.setAgreementNo(agreementNo(now));
        adoption.setAgreementHtml(AgreementHtml.render(terms(adoption.getAgreementNo(), offer, request, now)));
        adoption.setCreatedAt(now);
        adoption.setUpdatedAt(now);
        return tx.execute(status -> {
            if (offers.take(offer.getId(), request.items(), now) == 0) {
                throw AdoptionErrors.soldOut();
            }
            adoptions.insert(adoption);
            return adoption;
        });
    }

    private void unreserve(Adoption adoption) {
        tx.executeWithoutResult(status -> {
            if (adoptions.deleteById(adoption.getId()) == 1) {
                offers.giveBack(adoption.getOfferId(), adoption.getItems(), now());
            }
        });
    }

    private Adopted replay(CurrentUser buyer, String key, CreateOrderRequest order, AdoptionOffer offer, Adoption adoption) {
        if (!adoption.getOfferId().equals(offer.getId())) {
            throw OrderErrors.idempotencyKeyReused();
        }
        // the stored order answers (and refuses another body under the same key)
        OrderPlacementService.Placement placed = placement.place(buyer, key, order, Map.of(offer.getSkuId(), offer.getPriceFen()));
        if (adoption.getOrderId() == null) {
            adoptions.attachOrder(adoption.getId(), placed.order().id(), now());
        }
        return new Adopted(AdoptionResponse.of(adoptions.selectById(adoption.getId()), placed.order()), false);
    }

    private AgreementHtml.Terms terms(String agreementNo, AdoptionOffer offer, AdoptRequest request, Instant now) {
        Map<String, Object> row = jdbc.queryForMap("SELECT a.name AS agency_name, v.name AS village_name, h.head_name, "
                + "h.public_alias, h.consent_public FROM adoption_offer o JOIN agency a ON a.id = o.agency_id "
                + "JOIN village v ON v.id = o.village_id JOIN household h ON h.id = o.household_id WHERE o.id = ?", offer.getId());
        String village = (String) row.get("village_name");
        boolean consent = row.get("consent_public") instanceof Boolean b ? b : ((Number) row.get("consent_public")).intValue() == 1;
        String alias = (String) row.get("public_alias");
        // the household's full name never appears: its consented public alias, else the masked name
        String household = consent && alias != null && !alias.isBlank() ? alias
                : village + " " + Masking.personName((String) row.get("head_name"));
        return new AgreementHtml.Terms(agreementNo, request.address().name().trim(), Masking.phone(request.address().phone()),
                (String) row.get("agency_name"), household, village, offer, request.items(), now);
    }

    private static String agreementNo(Instant now) {
        return "RG" + DAY.format(now.atZone(AdoptionOfferService.SHANGHAI))
                + String.format("%012d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L));
    }

    public PageResult<AdoptionResponse> mine(CurrentUser user, PageQuery page) {
        return PageResult.of(adoptions.selectPage(page.toPage(), new LambdaQueryWrapper<Adoption>()
                .eq(Adoption::getUserId, user.id())
                .ne(Adoption::getStatus, AdoptionStatus.RELEASED)
                .isNotNull(Adoption::getOrderId)
                .orderByDesc(Adoption::getId)), a -> AdoptionResponse.of(a, orderQueries.mine(user, a.getOrderId())));
    }

    public AdoptionResponse mine(CurrentUser user, long adoptionId) {
        Adoption adoption = requireOwn(user, adoptionId);
        return AdoptionResponse.of(adoption, orderQueries.mine(user, adoption.getOrderId()));
    }

    public String agreementForBuyer(CurrentUser user, long adoptionId) {
        return requireOwn(user, adoptionId).getAgreementHtml();
    }

    public String agreementForStaff(CurrentUser user, long adoptionId) {
        return requireReadable(user, adoptionId).getAgreementHtml();
    }

    public PageResult<AdoptionResponse> ofOffer(CurrentUser user, long offerId, PageQuery page) {
        offerService.forStaff(user, offerId);
        return PageResult.of(adoptions.selectPage(page.toPage(), new LambdaQueryWrapper<Adoption>()
                .eq(Adoption::getOfferId, offerId)
                .isNotNull(Adoption::getOrderId)
                .orderByDesc(Adoption::getId)), a -> AdoptionResponse.of(a, orderQueries.forStaff(user, a.getOrderId())));
    }

    /** Records the harvest delivery and marks the order received (the ledger's after-sale window starts). */
    public AdoptionResponse deliver(CurrentUser staff, long adoptionId, HarvestDeliveryRequest request) {
        Adoption adoption = requireReadable(staff, adoptionId);
        scope.requireWrite(staff, adoption.getAgencyId(), AdoptionErrors.adoptionNotFound());
        if (request.deliveredOn().isAfter(offerService.today())) {
            throw AdoptionErrors.deliveryDateFuture();
        }
        if (adoption.getStatus() == AdoptionStatus.RESERVED) {
            Order order = orders.selectById(adoption.getOrderId());
            if (order.getStatus() != OrderStatus.PAID) {
                throw AdoptionErrors.notPaid();
            }
            adoptions.deliver(adoptionId, Milli.of(request.deliveredQuantity()), request.deliveredOn(),
                    request.evidence().trim(), staff.id(), now());
        }
        adoption = adoptions.selectById(adoptionId);
        if (adoption.getStatus() != AdoptionStatus.DELIVERED) {
            throw AdoptionErrors.notPaid();
        }
        Order order = orders.selectById(adoption.getOrderId());
        if (order.getStatus() == OrderStatus.PAID) {
            lifecycle.ship(order, DELIVERY_CARRIER, adoption.getAgreementNo());
            order = orders.selectById(order.getId());
        }
        if (order.getStatus() == OrderStatus.SHIPPED) {
            lifecycle.confirmReceipt(order);
        }
        return AdoptionResponse.of(adoption, orderQueries.forStaff(staff, adoption.getOrderId()));
    }

    private Adoption requireOwn(CurrentUser user, long adoptionId) {
        Adoption adoption = adoptions.selectById(adoptionId);
        if (adoption == null || adoption.getUserId() != user.id() || adoption.getOrderId() == null) {
            throw AdoptionErrors.adoptionNotFound();
        }
        return adoption;
    }

    private Adoption requireReadable(CurrentUser user, long adoptionId) {
        Adoption adoption = adoptions.selectById(adoptionId);
        if (adoption == null || adoption.getOrderId() == null) {
            throw AdoptionErrors.adoptionNotFound();
        }
        scope.requireRead(user, adoption.getAgencyId(), AdoptionErrors.adoptionNotFound());
        return adoption;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
