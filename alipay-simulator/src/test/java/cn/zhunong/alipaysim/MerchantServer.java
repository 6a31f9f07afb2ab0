package cn.zhunong.alipaysim;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the merchant's notify endpoint: records every POST, checks it with the SDK's
 * {@code AlipaySignature.rsaCheckV1} and answers {@code success} — or {@code fail} for the first N calls of an order.
 */
final class MerchantServer implements AutoCloseable {

    record Received(Map<String, String> params, boolean signatureValid) {
        String get(String name) {
            return params.get(name);
        }
    }

    private final HttpServer server;
    private final String alipayPublicKey;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    MerchantServer(String alipayPublicKey) {
        this.alipayPublicKey = alipayPublicKey;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/alipay/notify", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            boolean valid;
            try {
                // rsaCheckV1 removes sign and sign_type from the map it is given: pass a copy
                valid = AlipaySignature.rsaCheckV1(new HashMap<>(params), alipayPublicKey, "UTF-8", "RSA2");
            } catch (AlipayApiException | RuntimeException e) {
                valid = false; // e.g. no sign at all
            }
            received.add(new Received(params, valid));
            AtomicInteger left = failuresLeft.get(params.get("out_trade_no"));
            boolean fail = left != null && left.getAndDecrement() > 0;
            byte[] answer = (fail ? "fail" : valid ? "success\n" : "fail").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String notifyUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alipay/notify";
    }

    /** The first {@code n} notifies for this order are answered {@code fail}. */
    void failFirst(String outTradeNo, int n) {
        failuresLeft.put(outTradeNo, new AtomicInteger(n));
    }

    List<Received> received(String outTradeNo) {
        return received.stream().filter(r -> outTradeNo.equals(r.get("out_trade_no"))).toList();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
