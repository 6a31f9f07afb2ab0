package cn.zhunong.mall.ledger;

import java.time.Instant;
import java.util.List;

/**
 * An order whose payment succeeded, as the orders side reports it to the ledger (from its outbox
 * consumer). Posted once per order: the idempotency key is {@code order-paid:<orderId>}.
 *
 * @param agencyId     the agency that sold (its revenue account takes what households do not)
 * @param campaignId   the campaign the order is attributed to, if any
 * @param buyerUserId  the buyer's account; needed for the "buyers" figure and for the buyer's
 *                     impact view. Optional so the orders side can start with the 5-argument form.
 */
public record PaidOrder(long orderId, long agencyId, Long campaignId, Instant paidAt, List<PaidLine> lines,
        Long buyerUserId) {

    public PaidOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public PaidOrder(long orderId, long agencyId, Long campaignId, Instant paidAt, List<PaidLine> lines) {
        this(orderId, agencyId, campaignId, paidAt, lines, null);
    }

    public String idempotencyKey() {
        return "order-paid:" + orderId;
    }

    public long paidFen() {
        return lines.stream().mapToLong(PaidLine::netAmountFen).sum();
    }
}
