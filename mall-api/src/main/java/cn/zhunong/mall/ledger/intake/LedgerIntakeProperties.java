package cn.zhunong.mall.ledger.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ledger's outbox-event consumer (zhunong.ledger.intake.*).
 *
 * @param enabled         false: this instance does not consume (another one does, or a tool runs alone)
 * @param stream          the Redis Stream the outbox relay publishes to
 * @param group           the consumer group; every instance of mall-api joins it, so each event goes to one of them
 * @param consumerName    this instance's name in the group; empty = host name + a random suffix
 * @param batchSize       events read (or reclaimed) per call
 * @param block           how long one XREADGROUP waits for new events
 * @param reclaimIdle     an event left pending this long (not ready yet, or its consumer died) is taken again
 * @param reclaimInterval how often the pending list is looked at
 * @param maxDeliveries   after this many deliveries an event that still cannot be posted is parked
 *                        (ledger_rejected_event, reason GAVE_UP) for a person to look at and retry
 * @param errorBackoff    pause after Redis or the database failed
 */
@ConfigurationProperties("zhunong.ledger.intake")
public record LedgerIntakeProperties(Boolean enabled, String stream, String group, String consumerName, Integer batchSize,
        Duration block, Duration reclaimIdle, Duration reclaimInterval, Integer maxDeliveries, Duration errorBackoff) {

    public LedgerIntakeProperties {
        enabled = enabled == null || enabled;
        stream = stream == null || stream.isBlank() ? "zhunong:events" : stream;
        group = group == null || group.isBlank() ? "ledger" : group;
        consumerName = consumerName == null ? "" : consumerName;
        batchSize = batchSize == null ? 50 : batchSize;
        block = block == null ? Duration.ofSeconds(1) : block;
        reclaimIdle = reclaimIdle == null ? Duration.ofSeconds(10) : reclaimIdle;
        reclaimInterval = reclaimInterval == null ? Duration.ofSeconds(2) : reclaimInterval;
        maxDeliveries = maxDeliveries == null ? 1000 : maxDeliveries;
        errorBackoff = errorBackoff == null ? Duration.ofSeconds(1) : errorBackoff;
    }
}
