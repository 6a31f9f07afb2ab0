package cn.zhunong.mall.groupbuy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 拼团 timing (zhunong.group-buy.* in mall-api.yml).
 *
 * @param expirySweepDelay pause between runs of the job that fails expired groups
 * @param batchSize groups handled per query of that job
 */
@ConfigurationProperties("zhunong.group-buy")
public record GroupBuyProperties(Duration expirySweepDelay, int batchSize) {
}
