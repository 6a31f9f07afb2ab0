package cn.zhunong.mall.ledger;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The ledger's entry points for the orders side (called from its outbox-event consumer, outside
 * any transaction of its own) and for the release job. Every call is idempotent: the same event
 * posts once however often and however concurrently it is delivered, and the answer says whether
 * this call posted it.
 *
 * <p>Throws {@link LedgerEventNotReadyException} when an event arrives before the payment it
 * refers to (redeliver later) and {@link LedgerEventRejectedException} when it can never be
 * posted (park it for a person); in both cases nothing was recorded.
 */
@Service
public class LedgerService {

    private final LedgerTx tx;
    private final OrderPaidPosting paid;
    private final RefundPosting refunds;
    private final ReleasePosting releases;
    private final LedgerProperties properties;

    LedgerService(LedgerTx tx, OrderPaidPosting paid, RefundPosting refunds, ReleasePosting releases,
            LedgerProperties properties) {
        this.tx = tx;
        this.paid = paid;
        this.refunds = refunds;
        this.releases = releases;
        this.properties = properties;
    }

    /** Key {@code order-paid:<orderId>}. */
    public PostResult onOrderPaid(PaidOrder order) {
        return onOrdersPaid(List.of(order)) == 1 ? PostResult.POSTED : PostResult.ALREADY_POSTED;
    }

    /**
     * Posts many paid orders in one transaction (multi-row inserts, one chain-head lock): for
     * catching up a backlog. All or nothing: one rejected order rejects the call.
     *
     * @return how many orders were posted now
     */
    public int onOrdersPaid(List<PaidOrder> orders) {
        if (orders.isEmpty()) {
            return 0;
        }
        orders.forEach(OrderPaidPosting::validate);
        return tx.run(attempt -> paid.post(orders, attempt));
    }

    /** Key {@code refund:<refundId>}. */
    public PostResult onRefundSucceeded(Refund refund) {
        if (refund.amountFen() <= 0 || refund.at() == null) {
            throw new LedgerEventRejectedException("refund " + refund.refundId() + ": amount must be positive");
        }
        return tx.run(attempt -> refunds.post(refund));
    }

    /** Key {@code order-received:<orderId>}: the after-sale window closes {@code after-sale-window} later. */
    public PostResult onOrderReceived(ReceiptConfirmed receipt) {
        if (receipt.receivedAt() == null) {
            throw new LedgerEventRejectedException("receipt of order " + receipt.orderId() + ": receivedAt is required");
        }
        Instant due = receipt.receivedAt().plus(properties.afterSaleWindow());
        return tx.run(attempt -> releases.received(receipt, due));
    }

    /** Makes one order's pending income available if its window has closed by {@code now}. */
    public boolean releaseIfDue(long orderId, Instant now) {
        return tx.run(attempt -> releases.releaseIfDue(orderId, now));
    }

    /** Releases every order whose window has closed by {@code now}; returns how many. */
    public int releaseDue(Instant now) {
        int released = 0;
        while (true) {
            List<Long> due = releases.dueOrders(now, properties.releaseBatchSize());
            for (Long orderId : due) {
                if (releaseIfDue(orderId, now)) {
                    released++;
                }
            }
            if (due.size() < properties.releaseBatchSize()) {
                return released;
            }
        }
    }
}
