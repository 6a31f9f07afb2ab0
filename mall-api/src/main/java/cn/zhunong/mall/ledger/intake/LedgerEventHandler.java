package cn.zhunong.mall.ledger.intake;

import cn.zhunong.mall.ledger.LedgerEventNotReadyException;
import cn.zhunong.mall.ledger.LedgerEventRejectedException;
import cn.zhunong.mall.ledger.LedgerService;
import cn.zhunong.mall.ledger.PostResult;
import cn.zhunong.mall.ledger.ReceiptConfirmed;
import cn.zhunong.mall.ledger.Refund;
import cn.zhunong.mall.ledger.intake.OrderFacts.OrderRow;
import cn.zhunong.mall.ledger.intake.OrderFacts.RefundRow;
import cn.zhunong.mall.ledger.intake.RejectedEvents.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns one outbox event into ledger calls, outside any transaction (the ledger runs its own and
 * retries lost races). The facts come from the orders side's tables, looked up by the event's ids.
 *
 * <ul>
 *   <li>ORDER_PAID: the order is posted as paid — unless it belongs to a group buy (拼团), whose
 *       orders are posted only when GROUP_BUY_SUCCEEDED names them (a failed group is refunded and
 *       never credited anyone).</li>
 *   <li>GROUP_BUY_SUCCEEDED {@code {"groupBuyId", "orderIds"}}: each listed order is posted as paid.</li>
 *   <li>REFUND_SUCCEEDED: the goods part of the refund (at most the line's amount; a shipping fee
 *       that goes back with the last line was never allocated) reverses the line. Skipped when
 *       there is nothing to reverse: a payment refunded because it arrived after the order closed
 *       (no line), or a group-buy order that was never credited (its group failed, or was full
 *       when it paid). A refund of a seated member of a succeeded group waits (NOT_READY) until
 *       GROUP_BUY_SUCCEEDED has been posted.</li>
 *   <li>ORDER_RECEIVED: the after-sale window starts.</li>
 * </ul>
 * Anything else is none of the ledger's business.
 */
@Component
public class LedgerEventHandler {

    private static final Logger log = LoggerFactory.getLogger(LedgerEventHandler.class);

    public enum Outcome {
        /** posted now */
        POSTED,
        /** recorded before (a replay) */
        ALREADY_POSTED,
        /** not for the ledger, or deliberately skipped */
        IGNORED,
        /** depends on an event not posted yet: leave pending, deliver again later */
        NOT_READY,
        /** can never be posted: parked in ledger_rejected_event */
        REJECTED;

        public boolean acknowledge() {
            return this != NOT_READY;
        }
    }

    private final LedgerService ledger;
    private final OrderFacts facts;
    private final RejectedEvents rejected;
    private final ObjectMapper json;

    LedgerEventHandler(LedgerService ledger, OrderFacts facts, RejectedEvents rejected, ObjectMapper json) {
        this.ledger = ledger;
        this.facts = facts;
        this.rejected = rejected;
        this.json = json;
    }

    /**
     * @param deliveries how often the stream has delivered this entry (recorded if it is parked)
     * @throws RuntimeException when the database failed: leave the event pending, it comes again
     */
    public Outcome handle(StreamEvent event, long deliveries) {
        return switch (event.type()) {
            case "ORDER_PAID" -> orderPaid(event, deliveries);
            case "GROUP_BUY_SUCCEEDED" -> groupBuySucceeded(event, deliveries);
            case "REFUND_SUCCEEDED" -> refundSucceeded(event, deliveries);
            case "ORDER_RECEIVED" -> orderReceived(event, deliveries);
            default -> Outcome.IGNORED;
        };
    }

    private Outcome orderPaid(StreamEvent event, long deliveries) {
        long orderId = event.aggregateId();
        Optional<OrderRow> found = facts.order(orderId);
        if (found.isEmpty()) {
            return park(event, "order#" + orderId, "ORDER_PAID for an order that does not exist", deliveries);
        }
        OrderRow order = found.get();
        if (order.groupBuyId() != null) {
            log.debug("Order {} belongs to group buy {}: posted when the group succeeds", orderId, order.groupBuyId());
            return Outcome.IGNORED;
        }
        return postPaid(event, order, deliveries);
    }

    private Outcome groupBuySucceeded(StreamEvent event, long deliveries) {
        long groupBuyId;
        Set<Long> orderIds = new LinkedHashSet<>();
        try {
            JsonNode payload = json.readTree(event.payload() == null ? "" : event.payload());
            JsonNode group = payload.path("groupBuyId");
            JsonNode ids = payload.path("orderIds");
            if (!group.canConvertToLong() || !ids.isArray() || ids.isEmpty()) {
                return park(event, "event", Reason.MALFORMED, "GROUP_BUY_SUCCEEDED needs groupBuyId and orderIds", deliveries);
            }
            groupBuyId = group.asLong();
            for (JsonNode id : ids) {
                if (!id.canConvertToLong()) {
                    return park(event, "event", Reason.MALFORMED, "orderIds must be numbers", deliveries);
                }
                orderIds.add(id.asLong());
            }
        } catch (RuntimeException e) {
            return park(event, "event", Reason.MALFORMED, "payload is not JSON", deliveries);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (long orderId : orderIds) {
            Optional<OrderRow> order = facts.order(orderId);
            if (order.isEmpty()) {
                outcomes.add(park(event, "order#" + orderId, "group buy " + groupBuyId + " names an unknown order", deliveries));
            } else if (!Long.valueOf(groupBuyId).equals(order.get().groupBuyId())) {
                outcomes.add(park(event, "order#" + orderId, "order " + orderId + " is not in group buy " + groupBuyId,
                        deliveries));
            } else {
                outcomes.add(postPaid(event, order.get(), deliveries));
            }
        }
        if (outcomes.contains(Outcome.NOT_READY)) {
            return Outcome.NOT_READY; // the posted ones answer ALREADY_POSTED next time
        }
        return outcomes.contains(Outcome.POSTED) ? Outcome.POSTED
                : outcomes.contains(Outcome.ALREADY_POSTED) ? Outcome.ALREADY_POSTED : Outcome.REJECTED;
    }

    private Outcome postPaid(StreamEvent event, OrderRow order, long deliveries) {
        if (order.paidAt() == null) {
            return park(event, "order#" + order.id(), "order " + order.id() + " has no payment time (status " + order.status()
                    + ")", deliveries);
        }
        return post(event, "order#" + order.id(), deliveries, () -> ledger.onOrderPaid(facts.paidOrder(order)));
    }

    private Outcome refundSucceeded(StreamEvent event, long deliveries) {
        long refundId = event.aggregateId();
        Optional<RefundRow> found = facts.refund(refundId);
        if (found.isEmpty()) {
            return park(event, "refund#" + refundId, "REFUND_SUCCEEDED for a refund that does not exist", deliveries);
        }
        RefundRow refund = found.get();
        if (!"SUCCEEDED".equals(refund.status()) || refund.refundedAt() == null) {
            return park(event, "refund#" + refundId, "refund " + refundId + " is " + refund.status(), deliveries);
        }
        if (refund.orderLineId() == null) {
            log.debug("Refund {} returns a payment that arrived after order {} closed: nothing was credited",
                    refundId, refund.orderId());
            return Outcome.IGNORED;
        }
        if (refund.groupBuyId() != null && !facts.postedAsPaid(refund.orderId())) {
            if (facts.seatedInSucceededGroup(refund.orderId())) {
                // another consumer may still be posting GROUP_BUY_SUCCEEDED: the refund waits for it
                return Outcome.NOT_READY;
            }
            log.debug("Refund {} of group-buy order {} that was never credited (its group failed or was full): skipped",
                    refundId, refund.orderId());
            return Outcome.IGNORED;
        }
        long goods = Math.min(refund.amountFen(), refund.lineFen());
        return post(event, "refund#" + refundId, deliveries, () -> ledger.onRefundSucceeded(
                new Refund(refundId, refund.orderId(), refund.orderLineId(), goods, refund.refundedAt())));
    }

    private Outcome orderReceived(StreamEvent event, long deliveries) {
        long orderId = event.aggregateId();
        Optional<OrderRow> found = facts.order(orderId);
        if (found.isEmpty()) {
            return park(event, "order#" + orderId, "ORDER_RECEIVED for an order that does not exist", deliveries);
        }
        if (found.get().receivedAt() == null) {
            return park(event, "order#" + orderId, "order " + orderId + " has no receipt time", deliveries);
        }
        return post(event, "order#" + orderId, deliveries,
                () -> ledger.onOrderReceived(new ReceiptConfirmed(orderId, found.get().receivedAt())));
    }

    private Outcome post(StreamEvent event, String subject, long deliveries, java.util.function.Supplier<PostResult> call) {
        try {
            return call.get() == PostResult.POSTED ? Outcome.POSTED : Outcome.ALREADY_POSTED;
        } catch (LedgerEventNotReadyException e) {
            log.debug("Ledger not ready for {} ({}): {}", event.recordId(), subject, e.getMessage());
            return Outcome.NOT_READY;
        } catch (LedgerEventRejectedException e) {
            return park(event, subject, e.getMessage(), deliveries);
        }
    }

    private Outcome park(StreamEvent event, String subject, String detail, long deliveries) {
        return park(event, subject, Reason.REJECTED, detail, deliveries);
    }

    private Outcome park(StreamEvent event, String subject, Reason reason, String detail, long deliveries) {
        rejected.park(event, subject, reason, detail, deliveries);
        return Outcome.REJECTED;
    }
}
