package cn.zhunong.alipaysim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /gateway.do}: the open platform's single entry point. Reads the public parameters from the query string
 * and the form body (the SDK puts the system parameters in the URL and biz_content in the body), checks them and
 * the RSA2 signature like Alipay, runs the method, and answers {@code {"<method>_response":{...},"sign":"..."}}
 * signed with the simulator's Alipay private key over the exact text of the response object.
 */
final class Gateway implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    static final String QUERY = "alipay.trade.query";
    static final String CLOSE = "alipay.trade.close";
    static final String REFUND = "alipay.trade.refund";
    static final String REFUND_QUERY = "alipay.trade.fastpay.refund.query";
    static final String BILL_URL = "alipay.data.dataservice.bill.downloadurl.query";
    static final Set<String> METHODS = Set.of(TradeBook.PAGE_PAY, TradeBook.WAP_PAY, TradeBook.PRECREATE, QUERY,
            CLOSE, REFUND, REFUND_QUERY, BILL_URL);
    private static final Set<String> PAGE_METHODS = Set.of(TradeBook.PAGE_PAY, TradeBook.WAP_PAY);

    /** A bill ZIP waiting to be downloaded; Alipay's links are valid for 30 seconds. */
    record PendingBill(TradeBill.File file, Instant expiresAt) {
    }

    private final Map<String, PublicKey> apps;
    private final TradeBook book;
    private final PrivateKey alipayPrivateKey;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration timestampTolerance;
    private final String sellerId;
    private final boolean strictBillDates;
    private final Supplier<String> baseUrl;
    private final String defaultBuyer;
    final Map<String, PendingBill> bills = new ConcurrentHashMap<>();

    Gateway(Map<String, PublicKey> apps, TradeBook book, PrivateKey alipayPrivateKey, ObjectMapper mapper, Clock clock,
            Duration timestampTolerance, String sellerId, boolean strictBillDates, Supplier<String> baseUrl,
            String defaultBuyer) {
        this.apps = apps;
        this.book = book;
        this.alipayPrivateKey = alipayPrivateKey;
        this.mapper = mapper;
        this.clock = clock;
        this.timestampTolerance = timestampTolerance;
        this.sellerId = sellerId;
        this.strictBillDates = strictBillDates;
        this.baseUrl = baseUrl;
        this.defaultBuyer = defaultBuyer;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            handleSafely(ex);
        } catch (RuntimeException e) {
            log.error("gateway failure", e);
            ApiResult error = new ApiResult("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙",
                    new LinkedHashMap<>(), true);
            respondJson(ex, null, StandardCharsets.UTF_8, error);
        }
    }

    private void handleSafely(HttpExchange ex) throws IOException {
        String httpMethod = ex.getRequestMethod();
        if (!"GET".equals(httpMethod) && !"POST".equals(httpMethod)) {
            HttpSupport.text(ex, 405, "method not allowed");
            return;
        }
        List<String[]> raw = new ArrayList<>(HttpSupport.rawPairs(ex.getRequestURI().getRawQuery()));
        if ("POST".equals(httpMethod)) {
            String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase();
            byte[] body = HttpSupport.body(ex);
            if (contentType.startsWith("multipart/")) {
                respondJson(ex, null, StandardCharsets.UTF_8, ApiResult.invalid("isv.invalid-content-type",
                        "模拟器不支持 multipart 请求（文件上传类接口）"));
                return;
            }
            raw.addAll(HttpSupport.rawPairs(new String(body, StandardCharsets.ISO_8859_1)));
        }
        Charset charset = StandardCharsets.UTF_8;
        for (String[] pair : raw) {
            if ("charset".equals(pair[0])) {
                String name = java.net.URLDecoder.decode(pair[1], StandardCharsets.ISO_8859_1).trim();
                try {
                    charset = Charset.forName(name);
                } catch (RuntimeException e) {
                    respondJson(ex, null, StandardCharsets.UTF_8, ApiResult.invalid("isv.invalid-charset", "字符集错误"));
                    return;
                }
                if (!Set.of("UTF-8", "GBK", "GB2312").contains(charset.name().toUpperCase())) {
                    respondJson(ex, null, StandardCharsets.UTF_8, ApiResult.invalid("isv.invalid-charset", "字符集错误"));
                    return;
                }
                break;
            }
        }
        Map<String, String> params = HttpSupport.decode(raw, charset);
        String method = params.get("method");
        boolean page = method != null && PAGE_METHODS.contains(method);

        ApiResult protocolError = checkProtocol(params, charset);
        if (protocolError != null) {
            log.debug("rejected {} call: {} {}", method, protocolError.subCode(), protocolError.subMsg());
            if (page) {
                HttpSupport.html(ex, 200, Pages.error(protocolError.code(), protocolError.subCode(), protocolError.subMsg()));
            } else {
                respondJson(ex, method != null && METHODS.contains(method) ? method : null, charset, protocolError);
            }
            return;
        }

        JsonNode biz = null;
        String bizContent = params.get("biz_content");
        if (bizContent != null && !bizContent.isBlank()) {
            try {
                biz = mapper.readTree(bizContent);
            } catch (JacksonException e) {
                biz = null;
            }
            if (biz == null || !biz.isObject()) {
                ApiResult error = ApiResult.invalid("isv.invalid-parameter", "biz_content 不是合法的 JSON 对象");
                if (page) {
                    HttpSupport.html(ex, 200, Pages.error(error.code(), error.subCode(), error.subMsg()));
                } else {
                    respondJson(ex, method, charset, error);
                }
                return;
            }
        }
        TradeBook.ApiRequest request = new TradeBook.ApiRequest(params.get("app_id"), method, charset,
                params.get("notify_url"), params.get("return_url"), biz);

        if (page) {
            TradeBook.PageOutcome outcome = book.pagePay(request);
            if (outcome.error() != null) {
                ApiResult e = outcome.error();
                HttpSupport.html(ex, 200, Pages.error(e.code(), e.subCode(), e.subMsg()));
                return;
            }
            Trade trade = outcome.trade();
            TradeView view;
            String token;
            synchronized (trade) {
                view = trade.view();
                token = trade.cashierToken;
            }
            HttpSupport.html(ex, 200, Pages.cashier(view, token, sellerId, defaultBuyer));
            return;
        }
        ApiResult result = switch (method) {
            case TradeBook.PRECREATE -> book.precreate(request);
            case QUERY -> book.query(request);
            case CLOSE -> book.close(request);
            case REFUND -> book.refund(request);
            case REFUND_QUERY -> book.refundQuery(request);
            case BILL_URL -> billDownloadUrl(request);
            default -> throw new IllegalStateException(method);
        };
        respondJson(ex, method, charset, result);
    }

    /** The public-parameter and signature checks, in roughly the gateway's order. */
    private ApiResult checkProtocol(Map<String, String> params, Charset charset) {
        String method = params.get("method");
        if (isEmpty(method)) {
            return ApiResult.missing("isv.missing-method", "缺少方法名参数");
        }
        if (!METHODS.contains(method)) {
            return ApiResult.invalid("isv.invalid-method", "不存在的方法名");
        }
        String appId = params.get("app_id");
        if (isEmpty(appId)) {
            return ApiResult.missing("isv.missing-app-id", "缺少AppID参数").unsigned();
        }
        PublicKey appKey = apps.get(appId);
        if (appKey == null) {
            return ApiResult.invalid("isv.invalid-app-id", "无效的AppID参数").unsigned();
        }
        String format = params.get("format");
        if (!isEmpty(format) && !"json".equalsIgnoreCase(format)) {
            return ApiResult.invalid("isv.invalid-format", "无效的数据格式参数");
        }
        if (isEmpty(params.get("sign_type"))) {
            return ApiResult.missing("isv.missing-signature-type", "缺少签名类型参数");
        }
        if (!"RSA2".equals(params.get("sign_type"))) {
            return ApiResult.invalid("isv.invalid-signature-type", "无效的签名类型参数（模拟器只支持 RSA2）");
        }
        if (isEmpty(params.get("sign"))) {
            return ApiResult.missing("isv.missing-signature", "缺少签名参数");
        }
        String timestamp = params.get("timestamp");
        if (isEmpty(timestamp)) {
            return ApiResult.missing("isv.missing-timestamp", "缺少时间戳参数");
        }
        Instant sent = AlipayTime.parse(timestamp);
        if (sent == null) {
            return ApiResult.invalid("isv.invalid-timestamp", "非法的时间戳参数");
        }
        if (timestampTolerance != null
                && Duration.between(sent, Instant.now()).abs().compareTo(timestampTolerance) > 0) {
            return ApiResult.invalid("isv.invalid-timestamp", "非法的时间戳参数（与网关时间相差超过 "
                    + timestampTolerance.toMinutes() + " 分钟）");
        }
        if (isEmpty(params.get("version"))) {
            return ApiResult.missing("isv.missing-version", "缺少版本参数");
        }
        if (!"1.0".equals(params.get("version"))) {
            return ApiResult.invalid("isv.invalid-parameter", "版本参数无效");
        }
        String content = Rsa2.signContent(params, Rsa2.REQUEST_EXCLUDED);
        if (!Rsa2.verify(content, params.get("sign"), appKey, charset)) {
            return ApiResult.invalid("isv.invalid-signature",
                    "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：" + content);
        }
        return null;
    }

    private ApiResult billDownloadUrl(TradeBook.ApiRequest req) {
        JsonNode biz = req.biz();
        String billType = TradeBook.text(biz, "bill_type");
        String billDate = TradeBook.text(biz, "bill_date");
        if (billType == null || billDate == null) {
            return ApiResult.missing("isv.missing-parameter", "缺少必选参数: bill_type, bill_date");
        }
        if (!"trade".equals(billType)) {
            return ApiResult.business("isv.invalid-arguments",
                    "入参不合法: 模拟器只提供 bill_type=trade（signcustomer 账务账单未实现）");
        }
        LocalDate today = clock.instant().atZone(AlipayTime.ZONE).toLocalDate();
        LocalDate firstDay;
        LocalDate lastDay;
        try {
            if (billDate.length() == 7) {
                firstDay = YearMonth.parse(billDate).atDay(1);
                lastDay = YearMonth.parse(billDate).atEndOfMonth();
            } else if (billDate.length() == 10) {
                firstDay = LocalDate.parse(billDate);
                lastDay = firstDay;
            } else {
                return ApiResult.business("isv.invalid-arguments", "入参不合法: bill_date 格式为 yyyy-MM-dd 或 yyyy-MM");
            }
        } catch (DateTimeParseException e) {
            return ApiResult.business("isv.invalid-arguments", "入参不合法: bill_date 格式为 yyyy-MM-dd 或 yyyy-MM");
        }
        // Alipay: a day's (month's) bill exists from the next day (month) on; lenient mode also serves the current one
        boolean available = strictBillDates ? lastDay.isBefore(today) : !firstDay.isAfter(today);
        if (!available) {
            return ApiResult.business("isp.bill_not_exist", "账单不存在");
        }
        TradeBill.File file = TradeBill.build(book.allTrades(), sellerId, billDate, clock.instant());
        String token = book.randomDigits(20);
        Instant now = Instant.now();
        bills.values().removeIf(b -> b.expiresAt().isBefore(now));
        bills.put(token, new PendingBill(file, now.plusSeconds(30)));
        String url = baseUrl.get() + "/downloadBillFile.resource?bizType=trade&userId=" + sellerId + "0156"
                + "&fileType=csv.zip&bizDates=" + billDate.replace("-", "")
                + "&downloadFileName=" + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8)
                + "&fileId=" + token + "&timestamp=" + now.toEpochMilli();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bill_download_url", url);
        return ApiResult.success(f);
    }

    void respondJson(HttpExchange ex, String method, Charset charset, ApiResult result) throws IOException {
        String root = method == null ? "error_response" : method.replace('.', '_') + "_response";
        String body = render(root, result, charset);
        HttpSupport.send(ex, 200, "text/html;charset=" + charset.name().toLowerCase(), body.getBytes(charset));
    }

    /** {"root":{code,msg,sub_code,sub_msg,fields a→z},"sign":"…"}; the sign covers exactly the inner object text. */
    String render(String root, ApiResult result, Charset charset) {
        ObjectNode node = mapper.createObjectNode();
        node.put("code", result.code());
        node.put("msg", result.msg());
        if (result.subCode() != null) {
            node.put("sub_code", result.subCode());
            node.put("sub_msg", result.subMsg());
        }
        for (Map.Entry<String, Object> e : new TreeMap<>(result.fields()).entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (v instanceof JsonNode json) {
                node.set(e.getKey(), json);
            } else {
                node.put(e.getKey(), v.toString());
            }
        }
        String inner = mapper.writeValueAsString(node);
        StringBuilder body = new StringBuilder("{\"").append(root).append("\":").append(inner);
        if (result.signed()) {
            body.append(",\"sign\":\"").append(Rsa2.sign(inner, alipayPrivateKey, charset)).append('"');
        }
        return body.append('}').toString();
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
