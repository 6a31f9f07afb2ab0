package cn.zhunong.mall.order.refund;

import cn.zhunong.mall.order.OrderProperties;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Retries refunds whose outcome was unknown (timeout, Alipay system error), with the same out_request_no. */
@Component
public class RefundRetryJob {

    private static final Logger log = LoggerFactory.getLogger(RefundRetryJob.class);

    private final RefundMapper refunds;
    private final RefundExecutor executor;
    private final OrderProperties properties;
    private final Clock clock;

    public RefundRetryJob(RefundMapper refunds, RefundExecutor executor, OrderProperties properties, Clock clock) {
        this.refunds = refunds;
        this.executor = executor;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${zhunong.orders.sweep-delay}", initialDelayString = "${zhunong.orders.sweep-delay}")
    public void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Refund retry run failed: {}", e.toString());
        }
    }

    /** Attempts every refund that is due; returns how many were attempted. */
    public int runOnce() {
        List<Long> due = refunds.findDue(clock.instant(), properties.batchSize());
        for (Long id : due) {
            try {
                executor.execute(id);
            } catch (RuntimeException e) {
                log.warn("Refund {} attempt failed: {}", id, e.toString());
            }
        }
        return due.size();
    }
}
