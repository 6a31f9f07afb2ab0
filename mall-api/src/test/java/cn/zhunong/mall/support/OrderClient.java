package cn.zhunong.mall.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** HTTP calls {@link Api} has no shape for: POST /orders with an Idempotency-Key, form-encoded notifies. */
public final class OrderClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public OrderClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String newKey() {
        return "k-" + UUID.randomUUID();
    }

    /** POST /api/v1/orders; {@code key} null sends no header. */
    public Api.Response placeOrder(String token, String key, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Api.JSON.writeValueAsString(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.build());
    }

    /** POST a form to the Alipay notify endpoint, as Alipay does. */
    public Api.Response postNotify(Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/payments/alipay/notify"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The body of POST /orders for one SKU, delivered to Guangdong (44). */
    public static Map<String, Object> body(long skuId, int quantity) {
        return body(List.of(Map.of("skuId", skuId, "quantity", quantity)), "44");
    }

    public static Map<String, Object> body(List<Map<String, Object>> items, String provinceCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        body.put("address", Map.of("name", "张三", "phone", "13912345678", "provinceCode", provinceCode,
                "detail", "广州市天河区某路 1 号"));
        return body;
    }

    private static Api.Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
