package cn.zhunong.mall.enterprise;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 企业团购 settings (zhunong.enterprise.* in mall-api.yml).
 *
 * @param quoteValidity      how long a quote may be accepted (tier prices may change afterwards)
 * @param bankTransferWindow how long the orders of a bank-transfer purchase wait for the transfer
 *                           before the ordinary sweeper closes them
 * @param maxProofBytes      the largest transfer proof accepted
 * @param maxRecipients      the most recipients one purchase may have
 */
@ConfigurationProperties("zhunong.enterprise")
public record EnterpriseProperties(Duration quoteValidity, Duration bankTransferWindow, int maxProofBytes, int maxRecipients) {
}
