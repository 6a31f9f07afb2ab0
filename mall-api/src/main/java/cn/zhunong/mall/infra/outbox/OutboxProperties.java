package cn.zhunong.mall.infra.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stream the Redis Stream events go to
 * @param relayDelay pause between relay runs
 * @param batchSize rows per relay transaction
 * @param maxStreamLength approximate cap of the stream (older entries are trimmed)
 */
@ConfigurationProperties("zhunong.outbox")
public record OutboxProperties(String stream, Duration relayDelay, int batchSize, long maxStreamLength) {
}
