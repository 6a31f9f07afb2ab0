package cn.zhunong.mall.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param afterSaleWindow  how long after receipt income stays PENDING (refunds still likely)
 * @param releaseInterval  how often the job looks for orders whose window has closed
 * @param releaseBatchSize how many orders one pass of the job releases at most per query
 */
@ConfigurationProperties("zhunong.ledger")
public record LedgerProperties(Duration afterSaleWindow, Duration releaseInterval, Integer releaseBatchSize) {

    public LedgerProperties {
        afterSaleWindow = afterSaleWindow == null ? Duration.ofDays(7) : afterSaleWindow;
        releaseInterval = releaseInterval == null ? Duration.ofMinutes(1) : releaseInterval;
        releaseBatchSize = releaseBatchSize == null ? 500 : releaseBatchSize;
    }
}
