package cn.zhunong.alipaysim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Everything that is not the gateway: the buyer's pages (QR code link, cashier, 确认付款), the bill download, and
 * the {@code /sim/*} JSON hooks that tests and the demo use to play the buyer and to drive notifies.
 */
final class SimEndpoints implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SimEndpoints.class);

    private final AlipaySimulator sim;
    private final TradeBook book;
    private final Gateway gateway;
    private final ObjectMapper mapper;

    SimEndpoints(AlipaySimulator sim, TradeBook book, Gateway gateway, ObjectMapper mapper) {
        this.sim = sim;
        this.book = book;
        this.gateway = gateway;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        try {
            if (path.startsWith("/qr/") && "GET".equals(method)) {
                qr(ex, path.substring("/qr/".length()));
            } else if (path.startsWith("/cashier/") && path.endsWith("/pay") && "POST".equals(method)) {
                cashierPay(ex, path.substring("/cashier/".length(), path.length() - "/pay".length()));
            } else if (path.startsWith("/cashier/") && "GET".equals(method)) {
                cashier(ex, path.substring("/cashier/".length()));
            } else if (path.equals("/downloadBillFile.resource") && "GET".equals(method)) {
                downloadBill(ex);
            } else if (path.startsWith("/sim/")) {
                simApi(ex, path.substring("/sim/".length()), method);
            } else if (path.equals("/") && "GET".equals(method)) {
                index(ex);
            } else {
                HttpSupport.text(ex, 404, "not found");
            }
        } catch (SimulatorException e) {
            if (path.startsWith("/sim/")) {
                json(ex, e.httpStatus(), Map.of("code", e.code(), "message", e.getMessage()));
            } else {
                HttpSupport.html(ex, e.httpStatus(), Pages.error(e.code(), e.code(), e.getMessage()));
            }
        } catch (RuntimeException e) {
            log.error("simulator endpoint {} failed", path, e);
            HttpSupport.text(ex, 500, e.toString());
        }
    }

    /** The buyer scans the precreate QR code: the trade is created, then the cashier shows. */
    private void qr(HttpExchange ex, String token) throws IOException {
        Trade trade = book.byToken(token).orElseThrow(() -> new SimulatorException("NOT_FOUND", "二维码无效", 404));
        TradeView view = book.scan(trade.outTradeNo, null);
        HttpSupport.html(ex, 200, Pages.cashier(view, token, sim.sellerId(), sim.defaultBuyerLogonId()));
    }

    private void cashier(HttpExchange ex, String token) throws IOException {
        Trade trade = book.byToken(token).orElseThrow(() -> new SimulatorException("NOT_FOUND", "收银台链接无效", 404));
        TradeView view = book.view(trade.outTradeNo).orElseThrow();
        if (view.exists() && view.status() != TradeStatus.WAIT_BUYER_PAY) {
            HttpSupport.html(ex, 200, view.status() == TradeStatus.TRADE_CLOSED
                    ? Pages.error("40004", "ACQ.TRADE_HAS_CLOSE", "交易已经关闭")
                    : Pages.paid(view));
            return;
        }
        HttpSupport.html(ex, 200, Pages.cashier(view, token, sim.sellerId(), sim.defaultBuyerLogonId()));
    }

    /** 「确认付款」: pay, then go back to the merchant's return_url with signed parameters (page/wap), or say so. */
    private void cashierPay(HttpExchange ex, String token) throws IOException {
        Trade trade = book.byToken(token).orElseThrow(() -> new SimulatorException("NOT_FOUND", "收银台链接无效", 404));
        Map<String, String> form = HttpSupport.form(new String(HttpSupport.body(ex), StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        TradeView view = book.pay(trade.outTradeNo, emptyToNull(form.get("buyer_logon_id")));
        String returnUrl;
        synchronized (trade) {
            returnUrl = TradeBook.PRECREATE.equals(trade.method) ? null : trade.returnUrl;
        }
        if (returnUrl == null) {
            HttpSupport.html(ex, 200, Pages.paid(view));
            return;
        }
        HttpSupport.redirect(ex, returnUrl + (returnUrl.contains("?") ? "&" : "?")
                + NotifyDispatcher.formBody(book.returnParams(trade), StandardCharsets.UTF_8));
    }

    private void downloadBill(HttpExchange ex) throws IOException {
        Map<String, String> q = HttpSupport.form(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        Gateway.PendingBill bill = q.get("fileId") == null ? null : gateway.bills.get(q.get("fileId"));
        if (bill == null || bill.expiresAt().isBefore(Instant.now())) {
            HttpSupport.text(ex, 404, "账单下载链接无效或已过期（有效期 30 秒）");
            return;
        }
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(bill.file().fileName(), StandardCharsets.UTF_8));
        HttpSupport.send(ex, 200, "application/oct-stream", bill.file().zip());
    }

    private void index(HttpExchange ex) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>Alipay simulator</title></head><body><h1>支付宝模拟器 (dev/test only)</h1>");
        html.append("<p>Gateway: <code>").append(HttpSupport.escape(sim.gatewayUrl())).append("</code><br>Seller: <code>")
                .append(HttpSupport.escape(sim.sellerId())).append("</code></p><table border=\"1\" cellpadding=\"4\">")
                .append("<tr><th>out_trade_no</th><th>trade_no</th><th>status</th><th>subject</th><th>amount</th>"
                        + "<th>refunded</th></tr>");
        for (TradeView t : book.views()) {
            html.append("<tr><td>").append(HttpSupport.escape(t.outTradeNo())).append("</td><td>")
                    .append(HttpSupport.escape(t.tradeNo())).append("</td><td>")
                    .append(t.status() == null ? "(not scanned)" : t.status().name()).append("</td><td>")
                    .append(HttpSupport.escape(t.subject())).append("</td><td>").append(Money.yuan(t.totalFen()))
                    .append("</td><td>").append(Money.yuan(t.refundedFen())).append("</td></tr>");
        }
        html.append("</table></body></html>");
        HttpSupport.html(ex, 200, html.toString());
    }

    // ------------------------------------------------------------------ /sim/* JSON hooks

    private void simApi(HttpExchange ex, String op, String method) throws IOException {
        Map<String, String> in = "POST".equals(method) ? input(ex)
                : HttpSupport.form(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String out = in.get("out_trade_no");
        switch (method + " " + op) {
            case "GET info" -> {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("gateway_url", sim.gatewayUrl());
                info.put("alipay_public_key", sim.alipayPublicKeyBase64());
                info.put("seller_id", sim.sellerId());
                info.put("app_ids", sim.appIds());
                json(ex, 200, info);
            }
            case "POST pay" -> json(ex, 200, book.pay(out, emptyToNull(in.get("buyer_logon_id"))));
            case "POST scan" -> json(ex, 200, book.scan(out, emptyToNull(in.get("buyer_logon_id"))));
            case "POST finish" -> json(ex, 200, book.finish(out));
            case "POST close-expired" -> json(ex, 200, Map.of("closed", book.closeExpired()));
            case "GET trades" -> {
                if (out != null) {
                    Optional<TradeView> view = book.view(out);
                    if (view.isEmpty()) {
                        throw new SimulatorException("NOT_FOUND", "no order " + out, 404);
                    }
                    json(ex, 200, view.get());
                } else {
                    json(ex, 200, book.views());
                }
            }
            case "GET notifies" -> json(ex, 200, out == null ? sim.notifyDeliveries() : sim.notifyDeliveries(out));
            case "POST notify/resend" -> json(ex, 200, book.resend(out));
            case "POST notify/send" -> {
                String forgery = emptyToNull(in.get("forgery"));
                if (forgery != null) {
                    json(ex, 200, book.sendForged(out, parse(Forgery.class, forgery)));
                } else {
                    TradeStatus status = parse(TradeStatus.class, in.getOrDefault("trade_status", "TRADE_SUCCESS"));
                    json(ex, 200, sim.sendNotify(out, status));
                }
            }
            case "POST notifies/enabled" -> {
                sim.setNotifiesEnabled(Boolean.parseBoolean(in.get("enabled")));
                json(ex, 200, Map.of("enabled", Boolean.parseBoolean(in.get("enabled"))));
            }
            default -> json(ex, 404, Map.of("code", "NOT_FOUND", "message", "no such hook: " + method + " /sim/" + op
                    + " (see alipay-simulator/README.md)"));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new SimulatorException("INVALID", "unknown " + type.getSimpleName() + " " + name
                    + "; one of " + List.of(type.getEnumConstants()), 400);
        }
    }

    private Map<String, String> input(HttpExchange ex) throws IOException {
        byte[] body = HttpSupport.body(ex);
        String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase();
        Map<String, String> in = new LinkedHashMap<>(
                HttpSupport.form(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
        if (contentType.contains("json") || (body.length > 0 && body[0] == '{')) {
            JsonNode node = mapper.readTree(body);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                in.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
            }
        } else {
            in.putAll(HttpSupport.form(new String(body, StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return in;
    }

    private void json(HttpExchange ex, int status, Object value) throws IOException {
        HttpSupport.send(ex, status, "application/json;charset=utf-8", mapper.writeValueAsBytes(value));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
