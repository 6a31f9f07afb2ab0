package cn.zhunong.mall.ledger;

import cn.zhunong.mall.ledger.journal.AccountSpec;
import java.time.Instant;
import java.util.List;

/**
 * An order whose payment succeeded, as the orders side reports it to the ledger (from its outbox
 * consumer). Posted once per order: the idempotency key is {@code order-paid:<orderId>}.
 *
 * @param agencyId     the agency that sold (its revenue account takes what households do not)
 * @param campaignId   the campaign the order is attributed to, if any
 * @param campaignId   the campaign tag whose code the order carries, if any
 * @param buyerUserId  the buyer's account (orders.user_id); needed for the "buyers" figure. Null
 *                     only for callers that do not know it (tests, imports).
 * @param paymentMethod orders.payment_method (ALIPAY | BANK_TRANSFER | OFFLINE): which clearing
 *                     account the payment debits; null means ALIPAY
 */
public record PaidOrder(long orderId, long agencyId, Long campaignId, Instant paidAt, List<PaidLine> lines,
        Long buyerUserId, String paymentMethod) {

    public PaidOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
        AccountSpec.clearingFor(paymentMethod); // refuses an unknown method early
    }

    public PaidOrder(long orderId, long agencyId, Long campaignId, Instant paidAt, List<PaidLine> lines,
            Long buyerUserId) {
        this(orderId, agencyId, campaignId, paidAt, lines, buyerUserId, null);
    }

    public PaidOrder(long orderId, long agencyId, Long campaignId, Instant paidAt, List<PaidLine> lines) {
        this(orderId, agencyId, campaignId, paidAt, lines, null, null);
    }

    /** The clearing account the payment debits (and its refunds credit). */
    public AccountSpec clearingAccount() {
        return AccountSpec.clearingFor(paymentMethod);
    }

    public String idempotencyKey() {
        return "order-paid:" + orderId;
    }

    public long paidFen() {
        return lines.stream().mapToLong(PaidLine::netAmountFen).sum();
    }
}
