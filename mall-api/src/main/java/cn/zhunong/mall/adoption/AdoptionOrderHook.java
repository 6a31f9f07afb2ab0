package cn.zhunong.mall.adoption;

import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderTransitionHook;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Ties adoption orders to their harvest: they are neither shipped nor confirmed received before
 * the agency has recorded the harvest delivery (so the after-sale window, and with it the
 * household's available income, starts only then), and an unpaid order that closes gives its items
 * back to the offer. The adoption is found by the order's (user_id, idempotency_key), which it
 * shares, so this also works for an order whose adoption never got its order id attached.
 */
@Component
class AdoptionOrderHook implements OrderTransitionHook {

    private final AdoptionMapper adoptions;
    private final AdoptionOfferMapper offers;
    private final Clock clock;

    AdoptionOrderHook(AdoptionMapper adoptions, AdoptionOfferMapper offers, Clock clock) {
        this.adoptions = adoptions;
        this.offers = offers;
        this.clock = clock;
    }

    @Override
    public void beforeShip(Order order) {
        requireDelivered(order);
    }

    @Override
    public void beforeReceipt(Order order) {
        requireDelivered(order);
    }

    @Override
    public void closed(Order order) {
        Adoption adoption = adoptions.findByUserKey(order.getUserId(), order.getIdempotencyKey());
        if (adoption == null) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (adoptions.release(adoption.getId(), now) == 1) {
            offers.giveBack(adoption.getOfferId(), adoption.getItems(), now);
        }
    }

    private void requireDelivered(Order order) {
        Adoption adoption = adoptions.findByUserKey(order.getUserId(), order.getIdempotencyKey());
        if (adoption != null && adoption.getStatus() != AdoptionStatus.DELIVERED) {
            throw AdoptionErrors.harvestNotDelivered();
        }
    }
}
