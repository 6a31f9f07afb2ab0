package cn.zhunong.devrun;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.alipaysim.Rsa2;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local Alipay simulator of the embedded platform, and the zhunong.alipay.* settings that point
 * mall-api at it. mall-api has no simulator switch: it simply gets this gateway URL and these keys
 * (random on first start, kept beside the data) instead of Alipay's.
 */
final class DevAlipay implements AutoCloseable {

    static final String APP_ID = "2021000000000001";

    private final AlipaySimulator simulator;
    private final String appPrivateKey;

    private DevAlipay(AlipaySimulator simulator, String appPrivateKey) {
        this.simulator = simulator;
        this.appPrivateKey = appPrivateKey;
    }

    static DevAlipay start(Path keyFile) {
        Properties keys = loadOrCreate(keyFile);
        AlipaySimulator simulator = AlipaySimulator.builder()
                .alipayKeyPair(keys.getProperty("alipay.private-key"), keys.getProperty("alipay.public-key"))
                .app(APP_ID, keys.getProperty("app.public-key"))
                .sellerId(keys.getProperty("seller.id"))
                .build()
                .start();
        return new DevAlipay(simulator, keys.getProperty("app.private-key"));
    }

    /** The mall-api settings for a server on {@code mallPort}. */
    Map<String, Object> mallProperties(int mallPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("zhunong.alipay.gateway-url", simulator.gatewayUrl());
        props.put("zhunong.alipay.app-id", APP_ID);
        props.put("zhunong.alipay.app-private-key", appPrivateKey);
        props.put("zhunong.alipay.alipay-public-key", simulator.alipayPublicKeyBase64());
        props.put("zhunong.alipay.seller-id", simulator.sellerId());
        props.put("zhunong.alipay.notify-url", "http://127.0.0.1:" + mallPort + "/api/v1/payments/alipay/notify");
        props.put("zhunong.alipay.return-url", "http://localhost:" + mallPort + "/swagger-ui.html");
        return props;
    }

    String baseUrl() {
        return simulator.baseUrl();
    }

    @Override
    public void close() {
        simulator.close();
    }

    private static Properties loadOrCreate(Path file) {
        try {
            Properties keys = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    keys.load(in);
                }
                return keys;
            }
            KeyPair alipay = Rsa2.generateKeyPair();
            KeyPair app = Rsa2.generateKeyPair();
            keys.setProperty("alipay.private-key", Rsa2.privateKeyBase64(alipay));
            keys.setProperty("alipay.public-key", Rsa2.publicKeyBase64(alipay));
            keys.setProperty("app.private-key", Rsa2.privateKeyBase64(app));
            keys.setProperty("app.public-key", Rsa2.publicKeyBase64(app));
            keys.setProperty("seller.id", "2088000000000001");
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                keys.store(out, "Dev-only keys of the local Alipay simulator. Never real keys.");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
