package cn.zhunong.mall.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alipay open platform settings, key mode with RSA2 (zhunong.alipay.* in mall-api.yml, values from
 * the environment). Sandbox and production differ only in these values; there is no other switch.
 *
 * @param gatewayUrl e.g. https://openapi.alipay.com/gateway.do (sandbox: https://openapi-sandbox.dl.alipaydev.com/gateway.do)
 * @param appPrivateKey our application's RSA private key (PKCS#8, base64)
 * @param alipayPublicKey Alipay's public key (base64) used to verify responses and notifies
 * @param sellerId our merchant's Alipay user id (2088...); notifies for another seller are refused
 * @param notifyUrl the public URL of POST /api/v1/payments/alipay/notify
 * @param returnUrl where the buyer's browser goes after paying (informational only, never trusted)
 */
@ConfigurationProperties("zhunong.alipay")
public record AlipayProperties(String gatewayUrl, String appId, String appPrivateKey, String alipayPublicKey, String sellerId,
        String notifyUrl, String returnUrl, Duration connectTimeout, Duration readTimeout) {
}
