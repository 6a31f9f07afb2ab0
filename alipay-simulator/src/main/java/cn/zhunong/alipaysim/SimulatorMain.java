package cn.zhunong.alipaysim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own (dev only).
 *
 * <pre>
 * java -cp … cn.zhunong.alipaysim.SimulatorMain [--port 9080] [--seller-id 2088…] [--keys sim-keys.properties]
 *                                                 [--app APPID=APP_PUBLIC_KEY_BASE64]… [--backoff-scale 0.001]
 * </pre>
 *
 * Without {@code --app} it creates an app key pair and prints the app id, the app private key and the Alipay public
 * key, which is all a merchant needs. {@code --keys FILE} keeps the simulator's and the generated app's keys in a
 * properties file so they survive restarts.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        AlipaySimulator.Builder builder = AlipaySimulator.builder().port(9080);
        Path keyFile = null;
        boolean appGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--seller-id" -> builder.sellerId(value);
                case "--backoff-scale" -> builder.notifyBackoffScale(Double.parseDouble(value));
                case "--keys" -> keyFile = Path.of(value);
                case "--app" -> {
                    int eq = value.indexOf('=');
                    builder.app(value.substring(0, eq), value.substring(eq + 1));
                    appGiven = true;
                }
                case "--help", "-h" -> {
                    System.out.println("options: --port N --seller-id 2088… --keys FILE --app APPID=PUBKEY --backoff-scale X");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg + " (try --help)");
            }
            i++;
        }
        Properties keys = new Properties();
        if (keyFile != null && Files.exists(keyFile)) {
            try (var in = Files.newBufferedReader(keyFile)) {
                keys.load(in);
            }
        }
        if (keys.containsKey("alipay.private-key")) {
            builder.alipayKeyPair(keys.getProperty("alipay.private-key"), keys.getProperty("alipay.public-key"));
        } else {
            KeyPair pair = Rsa2.generateKeyPair();
            keys.setProperty("alipay.private-key", Rsa2.privateKeyBase64(pair));
            keys.setProperty("alipay.public-key", Rsa2.publicKeyBase64(pair));
            builder.alipayKeyPair(pair);
        }
        if (!appGiven) {
            if (!keys.containsKey("app.private-key")) {
                KeyPair app = Rsa2.generateKeyPair();
                keys.setProperty("app.id", "2021000000000001");
                keys.setProperty("app.private-key", Rsa2.privateKeyBase64(app));
                keys.setProperty("app.public-key", Rsa2.publicKeyBase64(app));
            }
            builder.app(keys.getProperty("app.id"), keys.getProperty("app.public-key"));
        }
        if (!keys.containsKey("seller.id")) {
            keys.setProperty("seller.id", "2088" + String.format("%012d", Math.abs(System.nanoTime() % 1_000_000_000_000L)));
        }
        builder.sellerId(keys.getProperty("seller.id"));
        if (keyFile != null) {
            save(keys, keyFile);
        }

        AlipaySimulator sim = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("Alipay simulator (DEV/TEST ONLY) — " + sim.baseUrl());
        System.out.println("  gateway (serverUrl) : " + sim.gatewayUrl());
        System.out.println("  seller id (PID)     : " + sim.sellerId());
        System.out.println("  alipay public key   : " + sim.alipayPublicKeyBase64());
        if (!appGiven) {
            System.out.println("  app id              : " + keys.getProperty("app.id"));
            System.out.println("  app private key     : " + keys.getProperty("app.private-key"));
        }
        new CountDownLatch(1).await();
    }

    private static void save(Properties keys, Path file) throws IOException {
        try (var out = Files.newBufferedWriter(file)) {
            keys.store(out, "alipay-simulator keys (dev only, never real keys)");
        }
    }
}
