package cn.zhunong.mall.order;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** RECEIVED -> COMPLETED once the after-sale window has passed and no refund is open. */
@Component
public class OrderCompletionJob {

    private static final Logger log = LoggerFactory.getLogger(OrderCompletionJob.class);

    private final OrderMapper orders;
    private final OrderLifecycle lifecycle;
    private final OrderProperties properties;
    private final Clock clock;

    public OrderCompletionJob(OrderMapper orders, OrderLifecycle lifecycle, OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${zhunong.orders.sweep-delay}", initialDelayString = "${zhunong.orders.sweep-delay}")
    public void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Order completion run failed: {}", e.toString());
        }
    }

    public int runOnce() {
        List<Long> due = orders.findCompletable(clock.instant().minus(properties.afterSaleWindow()), properties.batchSize());
        int completed = 0;
        for (Long id : due) {
            if (lifecycle.complete(id)) {
                completed++;
            }
        }
        return completed;
    }
}
