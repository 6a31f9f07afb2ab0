package cn.zhunong.mall.support;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.alipaysim.Rsa2;
import java.security.KeyPair;

/**
 * One Alipay simulator per test JVM (like {@link TestInfra}), and the merchant keys mall-api is
 * configured with in {@link ApiTest}. The simulator posts notifies to {@link NotifyRelay}, which
 * forwards them to the test server once a test has told it the server's port.
 */
public final class TestAlipay {

    public static final String APP_ID = "2021000000000001";
    public static final String SELLER_ID = "2088000000000001";

    private static TestAlipay instance;

    private final KeyPair app = Rsa2.generateKeyPair();
    private final NotifyRelay relay = NotifyRelay.start();
    private final AlipaySimulator simulator;

    private TestAlipay() {
        simulator = AlipaySimulator.builder()
                .sellerId(SELLER_ID)
                .app(APP_ID, Rsa2.publicKeyBase64(app))
                // Alipay's retry schedule 4m, 10m, 10m, 1h ... becomes 24 ms, 60 ms, 60 ms, 360 ms ...
                .notifyBackoffScale(1e-4)
                .build()
                .start();
    }

    public static synchronized TestAlipay get() {
        if (instance == null) {
            instance = new TestAlipay();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.simulator.close();
                instance.relay.close();
            }));
        }
        return instance;
    }

    public AlipaySimulator simulator() {
        return simulator;
    }

    public NotifyRelay relay() {
        return relay;
    }

    public String gatewayUrl() {
        return simulator.gatewayUrl();
    }

    public String appPrivateKey() {
        return Rsa2.privateKeyBase64(app);
    }

    public String alipayPublicKey() {
        return simulator.alipayPublicKeyBase64();
    }

    public String notifyUrl() {
        return relay.url() + "/api/v1/payments/alipay/notify";
    }
}
