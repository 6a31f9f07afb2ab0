package cn.zhunong.mall.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Order timing (zhunong.orders.* in mall-api.yml).
 *
 * @param paymentTimeout unpaid orders close this long after creation; the Alipay trade expires at the same instant
 * @param sweepDelay pause between runs of the unpaid-order sweeper
 * @param queryWindow the sweeper asks Alipay about unpaid orders with a started payment this close to expiry
 * @param afterSaleWindow received orders complete after this, unless a refund is open; also the no-reason return period
 * @param perishableClaimWindow quality claims on perishable goods are accepted this long after receipt
 * @param stockReconcileDelay pause between runs of the Redis/DB stock reconciler
 * @param reservationStaleAfter an in-flight Redis reservation older than this is settled by the reconciler
 * @param batchSize rows handled per job run
 */
@ConfigurationProperties("zhunong.orders")
public record OrderProperties(Duration paymentTimeout, Duration sweepDelay, Duration queryWindow, Duration afterSaleWindow,
        Duration perishableClaimWindow, Duration stockReconcileDelay, Duration reservationStaleAfter, int batchSize) {
}
