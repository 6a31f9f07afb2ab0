package cn.zhunong.mall.catalog.certification;

import cn.zhunong.mall.catalog.CatalogChanges;
import cn.zhunong.mall.catalog.CatalogTime;
import cn.zhunong.mall.catalog.product.CatalogProductMapper;
import cn.zhunong.mall.catalog.product.OffSaleReason;
import cn.zhunong.mall.catalog.product.ProductStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes products off sale (reason CERT_EXPIRED) once a certification they claim has passed its last
 * valid day: hourly, and on every storefront read that would otherwise show such a product. The move
 * is a compare-and-set from ON_SALE, so the job, reads and staff never undo each other.
 */
@Component
public class CertificationExpiry {

    private static final Logger log = LoggerFactory.getLogger(CertificationExpiry.class);

    private final CatalogProductMapper products;
    private final CatalogChanges changes;
    private final CatalogTime time;
    private final TransactionTemplate tx;

    public CertificationExpiry(CatalogProductMapper products, CatalogChanges changes, CatalogTime time,
            TransactionTemplate tx) {
        this.products = products;
        this.changes = changes;
        this.time = time;
        this.tx = tx;
    }

    /** Runs a minute after each hour, China time, so a certification ending yesterday is acted on just after midnight. */
    @Scheduled(cron = "${zhunong.catalog.cert-expiry-cron:0 1 * * * *}", zone = "Asia/Shanghai")
    public int takeExpiredOffSale() {
        int taken = 0;
        for (long productId : products.onSaleWithExpiredCertification(time.today())) {
            if (takeOffSale(productId)) {
                taken++;
            }
        }
        if (taken > 0) {
            log.info("Took {} product(s) off sale because a certification expired", taken);
        }
        return taken;
    }

    /** True when the product claims an expired certification (and so, if it was on sale, now is not). */
    public boolean takeOffSaleIfExpired(long productId) {
        if (products.countExpiredCertifications(productId, time.today()) == 0) {
            return false;
        }
        takeOffSale(productId);
        return true;
    }

    private boolean takeOffSale(long productId) {
        Boolean moved = tx.execute(status -> {
            boolean done = products.transition(productId, ProductStatus.ON_SALE, ProductStatus.OFF_SALE,
                    OffSaleReason.CERT_EXPIRED, time.now()) == 1;
            if (done) {
                changes.shownChanged(productId);
            }
            return done;
        });
        return Boolean.TRUE.equals(moved);
    }
}
