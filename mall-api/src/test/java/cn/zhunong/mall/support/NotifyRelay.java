package cn.zhunong.mall.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Stands between the Alipay simulator and the test server, whose random port is only known once
 * the shared Spring context runs (the notify URL must be configured before). It forwards every
 * request unchanged and passes the reply back — except for orders registered with
 * {@link #loseNextReply}: then the request is delivered and processed, but the reply never
 * reaches the simulator (the connection is dropped), exactly what Alipay sees when the merchant
 * dies after its commit and before answering.
 */
public final class NotifyRelay implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> loseReplyFor = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;

    private NotifyRelay(HttpServer server) {
        this.server = server;
    }

    static NotifyRelay start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "notify-relay");
                t.setDaemon(true);
                return t;
            }));
            NotifyRelay relay = new NotifyRelay(server);
            server.createContext("/", relay::relay);
            server.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void forwardTo(int port) {
        this.targetPort = port;
    }

    /** The next notify for this order is processed by the server, but its reply is lost. */
    public void loseNextReply(String outTradeNo) {
        loseReplyFor.add(outTradeNo);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (targetPort == 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort
                    + exchange.getRequestURI())).method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                forward.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (loseReplyFor.remove(outTradeNo(body))) {
                // the server has answered (and committed); closing without a response drops the connection
                return;
            }
            exchange.getResponseHeaders().add("Content-Type",
                    response.headers().firstValue("Content-Type").orElse("text/plain"));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String outTradeNo(byte[] form) {
        for (String pair : new String(form, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("out_trade_no")) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
