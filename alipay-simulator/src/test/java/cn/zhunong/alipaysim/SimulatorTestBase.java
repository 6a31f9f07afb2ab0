package cn.zhunong.alipaysim;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import java.security.KeyPair;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One simulator and one merchant notify endpoint per test class; the merchant side is the real
 * {@code DefaultAlipayClient} in key mode, configured with the simulator's Alipay public key, so the SDK verifies
 * every response signature (AbstractAlipayClient#checkResponseSign runs whenever a SignChecker is configured, which
 * AlipayConfig#setAlipayPublicKey does — not only in cert mode).
 */
abstract class SimulatorTestBase {

    static final String APP_ID = "2021000000000001";
    /** One app key pair for all tests: RSA 2048 generation costs ~100 ms. */
    static final KeyPair APP_KEYS = Rsa2.generateKeyPair();
    private static final AtomicLong SEQ = new AtomicLong();

    static AlipaySimulator sim;
    static MerchantServer merchant;
    static AlipayClient client;

    @BeforeAll
    static void startSimulator() throws AlipayApiException {
        sim = AlipaySimulator.builder()
                .sellerId("2088000000000001")
                .app(APP_ID, Rsa2.publicKeyBase64(APP_KEYS))
                .notifyBackoffScale(1e-6) // 4m → 0.24 ms … 15h → 54 ms
                .build()
                .start();
        merchant = new MerchantServer(sim.alipayPublicKeyBase64());
        client = client(APP_ID, Rsa2.privateKeyBase64(APP_KEYS), sim.alipayPublicKeyBase64());
    }

    @AfterAll
    static void stopSimulator() {
        merchant.close();
        sim.close();
    }

    static AlipayClient client(String appId, String appPrivateKey, String alipayPublicKey) throws AlipayApiException {
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(sim.gatewayUrl());
        config.setAppId(appId);
        config.setPrivateKey(appPrivateKey);
        config.setFormat("json");
        config.setCharset("UTF-8");
        config.setSignType("RSA2");
        config.setAlipayPublicKey(alipayPublicKey);
        return new DefaultAlipayClient(config);
    }

    static String orderNo() {
        return "T" + SEQ.incrementAndGet() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5));
    }
}
