package cn.zhunong.mall.payment;

import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every few seconds: asks Alipay about unpaid orders with a started payment that are close
 * to their timeout (a missed notify is caught before the order would close), then closes the
 * expired ones. It scans the database, so orders that expired while the server was down are
 * closed at the next start. Every close is a compare-and-set: several instances may run it.
 */
@Component
public class UnpaidOrderSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrderSweeper.class);

    private final OrderMapper orders;
    private final UnpaidOrders unpaid;
    private final OrderProperties properties;
    private final Clock clock;

    public UnpaidOrderSweeper(OrderMapper orders, UnpaidOrders unpaid, OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.unpaid = unpaid;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${zhunong.orders.sweep-delay}", initialDelayString = "${zhunong.orders.sweep-delay}")
    public void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Unpaid-order sweep failed; will retry: {}", e.toString());
        }
    }

    /** One run; returns how many orders it closed. */
    public int sweep() {
        Instant now = clock.instant();
        for (Long id : orders.findNearTimeoutWithPayment(now, now.plus(properties.queryWindow()), properties.batchSize())) {
            try {
                unpaid.paidAtAlipay(orders.selectById(id));
            } catch (RuntimeException e) {
                log.info("Query of order {} before its timeout failed: {}", id, e.toString());
            }
        }
        int closed = 0;
        List<Long> expired;
        do {
            expired = orders.findExpired(now, properties.batchSize());
            int closedThisBatch = 0;
            for (Long id : expired) {
                try {
                    if (unpaid.expire(id)) {
                        closedThisBatch++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Closing expired order {} failed: {}", id, e.toString());
                }
            }
            closed += closedThisBatch;
            // orders kept open (Alipay unreachable) would be found again: stop when a batch closed nothing
            if (closedThisBatch == 0) {
                break;
            }
        } while (expired.size() == properties.batchSize());
        return closed;
    }
}
