package cn.zhunong.alipaysim;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alipay's trade rules: orders, trades, refunds, notifies. All state is in memory; every change of one trade happens
 * under that trade's monitor, so concurrent calls (10 threads refunding with the same out_request_no) stay
 * consistent.
 */
final class TradeBook {

    /** A parsed and signature-checked gateway call. */
    record ApiRequest(String appId, String method, Charset charset, String notifyUrl, String returnUrl, JsonNode biz) {
    }

    /** What the gateway shows for a page/wap pay call: the cashier for a trade, or an error. */
    record PageOutcome(Trade trade, ApiResult error) {
    }

    static final String PAGE_PAY = "alipay.trade.page.pay";
    static final String WAP_PAY = "alipay.trade.wap.pay";
    static final String PRECREATE = "alipay.trade.precreate";

    private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern TIMEOUT_EXPRESS = Pattern.compile("(\\d+)([mhd])|1c");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofDays(15);
    private static final Duration MAX_TIMEOUT = Duration.ofDays(15);

    private final String sellerId;
    private final KeyPair alipayKeys;
    private final Clock clock;
    private final int feeBasisPoints;
    private final String defaultBuyerLogonId;
    private final NotifyDispatcher notifier;
    private final Supplier<String> baseUrl;
    private volatile boolean notifiesEnabled = true;
    private volatile boolean notifyOnRefund = true;

    private final ConcurrentHashMap<String, Trade> trades = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> byTradeNo = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> byCashierToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private volatile PrivateKey forgeryKey;

    TradeBook(String sellerId, KeyPair alipayKeys, Clock clock, int feeBasisPoints, String defaultBuyerLogonId,
              NotifyDispatcher notifier, Supplier<String> baseUrl) {
        this.sellerId = sellerId;
        this.alipayKeys = alipayKeys;
        this.clock = clock;
        this.feeBasisPoints = feeBasisPoints;
        this.defaultBuyerLogonId = defaultBuyerLogonId;
        this.notifier = notifier;
        this.baseUrl = baseUrl;
    }

    void setNotifiesEnabled(boolean enabled) {
        this.notifiesEnabled = enabled;
    }

    void setNotifyOnRefund(boolean enabled) {
        this.notifyOnRefund = enabled;
    }

    // ------------------------------------------------------------------ order registration (precreate, page, wap)

    ApiResult precreate(ApiRequest req) {
        Object registered = register(req, PRECREATE);
        if (registered instanceof ApiResult error) {
            return error;
        }
        Trade trade = (Trade) registered;
        Map<String, Object> fields = new LinkedHashMap<>();
        synchronized (trade) {
            fields.put("out_trade_no", trade.outTradeNo);
            fields.put("qr_code", qrCodeUrl(trade));
        }
        return ApiResult.success(fields);
    }

    PageOutcome pagePay(ApiRequest req) {
        Object registered = register(req, req.method());
        if (registered instanceof ApiResult error) {
            return new PageOutcome(null, error);
        }
        return new PageOutcome((Trade) registered, null);
    }

    String qrCodeUrl(Trade trade) {
        return baseUrl.get() + "/qr/" + trade.cashierToken;
    }

    private Object register(ApiRequest req, String method) {
        JsonNode biz = req.biz();
        if (biz == null) {
            return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: biz_content 不能为空");
        }
        String outTradeNo = text(biz, "out_trade_no");
        if (outTradeNo == null || !OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            return ApiResult.business("ACQ.INVALID_PARAMETER",
                    "参数无效: out_trade_no 必填，64 个字符以内，仅支持字母、数字、下划线");
        }
        String amountText = amount(biz, "total_amount");
        long totalFen = Money.parseFen(amountText);
        if (totalFen < 0) {
            return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: total_amount 必填，单位为元，最多两位小数");
        }
        if (totalFen == 0) {
            return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: total_amount 取值范围 [0.01,100000000]");
        }
        if (totalFen > Money.MAX_FEN) {
            return ApiResult.business("ACQ.TOTAL_FEE_EXCEED", "订单金额超过限额");
        }
        String subject = text(biz, "subject");
        if (subject == null || subject.isBlank() || subject.length() > 256) {
            return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: subject 必填，256 个字符以内");
        }
        if (subject.contains("/") || subject.contains("=") || subject.contains("&")) {
            return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: subject 不可使用特殊字符，如 /，=，& 等");
        }
        String productCode = text(biz, "product_code");
        String expectedProduct = switch (method) {
            case PAGE_PAY -> "FAST_INSTANT_TRADE_PAY";
            case WAP_PAY -> "QUICK_WAP_WAY";
            default -> "FACE_TO_FACE_PAYMENT";
        };
        if (productCode != null && !productCode.equals(expectedProduct)) {
            return ApiResult.business("ACQ.INVALID_PARAMETER",
                    "参数无效: product_code 对 " + method + " 应为 " + expectedProduct);
        }
        String bizSeller = text(biz, "seller_id");
        if (bizSeller != null && !bizSeller.equals(sellerId)) {
            return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: seller_id 不是该应用签约的商户");
        }
        Instant now = clock.instant();
        Instant expireAt;
        String timeExpire = text(biz, "time_expire");
        String timeoutExpress = text(biz, "timeout_express");
        if (timeExpire != null) {
            expireAt = AlipayTime.parse(timeExpire);
            if (expireAt == null) {
                return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: time_expire 格式为 yyyy-MM-dd HH:mm:ss");
            }
        } else if (timeoutExpress != null) {
            expireAt = timeoutExpress(timeoutExpress, now);
            if (expireAt == null) {
                return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: timeout_express 取值范围 1m～15d，或 1c");
            }
        } else {
            expireAt = now.plus(DEFAULT_TIMEOUT);
        }

        List<Map<String, String>> notifies = new ArrayList<>();
        Trade trade = trades.computeIfAbsent(outTradeNo, Trade::new);
        try {
            synchronized (trade) {
                expireIfDue(trade, now, notifies);
                if (trade.created) {
                    switch (trade.status) {
                        case TRADE_SUCCESS:
                            return ApiResult.business("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
                        case TRADE_FINISHED:
                            return ApiResult.business("ACQ.TRADE_HAS_FINISHED", "交易已经完结");
                        case TRADE_CLOSED:
                            return ApiResult.business("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
                        default:
                            if (trade.totalFen != totalFen || !trade.subject.equals(subject)) {
                                return ApiResult.business("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
                            }
                            return trade;
                    }
                }
                // not created at Alipay yet: a new request simply replaces the registered order
                trade.initialized = true;
                trade.preOrderExpired = false;
                trade.appId = req.appId();
                trade.method = method;
                trade.productCode = productCode == null ? expectedProduct : productCode;
                trade.subject = subject;
                trade.body = text(biz, "body");
                trade.totalFen = totalFen;
                trade.notifyUrl = emptyToNull(req.notifyUrl());
                trade.returnUrl = emptyToNull(req.returnUrl());
                trade.charset = req.charset();
                trade.passbackParams = text(biz, "passback_params");
                trade.requestedAt = now;
                trade.expireAt = expireAt;
                if (trade.cashierToken == null) {
                    trade.cashierToken = "bax" + randomAlnum(21);
                    byCashierToken.put(trade.cashierToken, trade.outTradeNo);
                }
                return trade;
            }
        } finally {
            dispatch(notifies);
        }
    }

    private static Instant timeoutExpress(String text, Instant from) {
        Matcher m = TIMEOUT_EXPRESS.matcher(text);
        if (!m.matches()) {
            return null;
        }
        if ("1c".equals(text)) {
            LocalDate day = from.atZone(AlipayTime.ZONE).toLocalDate();
            return day.plusDays(1).atStartOfDay(AlipayTime.ZONE).toInstant();
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(MAX_TIMEOUT) > 0) {
            return null;
        }
        return from.plus(d);
    }

    // ------------------------------------------------------------------ merchant API calls

    ApiResult query(ApiRequest req) {
        JsonNode biz = req.biz();
        String outTradeNo = biz == null ? null : text(biz, "out_trade_no");
        Trade trade = find(biz);
        if (trade == null) {
            return notExist(outTradeNo, text(biz, "trade_no"));
        }
        List<Map<String, String>> notifies = new ArrayList<>();
        try {
            synchronized (trade) {
                expireIfDue(trade, clock.instant(), notifies);
                if (!trade.created) {
                    return notExist(outTradeNo, text(biz, "trade_no"));
                }
                boolean paid = trade.gmtPayment != null;
                String paidAmount = Money.yuan(paid ? trade.totalFen : 0);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("buyer_logon_id", mask(trade.buyerLogonId));
                f.put("buyer_pay_amount", paidAmount);
                f.put("buyer_user_id", trade.buyerId);
                f.put("buyer_user_type", "PRIVATE");
                if (paid) {
                    f.put("fund_bill_list", fundBillList(trade.totalFen, "fund_channel"));
                }
                f.put("invoice_amount", paidAmount);
                f.put("out_trade_no", trade.outTradeNo);
                f.put("point_amount", "0.00");
                f.put("receipt_amount", paidAmount);
                if (paid) {
                    f.put("send_pay_date", AlipayTime.format(trade.gmtPayment));
                }
                f.put("total_amount", Money.yuan(trade.totalFen));
                f.put("trade_no", trade.tradeNo);
                f.put("trade_status", trade.status.name());
                return ApiResult.success(f);
            }
        } finally {
            dispatch(notifies);
        }
    }

    ApiResult close(ApiRequest req) {
        JsonNode biz = req.biz();
        Trade trade = find(biz);
        if (trade == null) {
            return ApiResult.business("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        List<Map<String, String>> notifies = new ArrayList<>();
        try {
            synchronized (trade) {
                Instant now = clock.instant();
                expireIfDue(trade, now, notifies);
                if (!trade.created) {
                    // the real gateway answers so, and the order can still be scanned and paid until it times out
                    return ApiResult.business("ACQ.TRADE_NOT_EXIST", "交易不存在");
                }
                if (trade.status != TradeStatus.WAIT_BUYER_PAY) {
                    return ApiResult.business("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
                }
                trade.status = TradeStatus.TRADE_CLOSED;
                trade.gmtClose = now;
                notifies.add(notifyParams(trade, TradeStatus.TRADE_CLOSED.name(), null));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("out_trade_no", trade.outTradeNo);
                f.put("trade_no", trade.tradeNo);
                return ApiResult.success(f);
            }
        } finally {
            dispatch(notifies);
        }
    }

    ApiResult refund(ApiRequest req) {
        JsonNode biz = req.biz();
        Trade trade = find(biz);
        if (trade == null) {
            return ApiResult.business("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        long amountFen = Money.parseFen(amount(biz, "refund_amount"));
        if (amountFen < 0) {
            return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: refund_amount 必填，单位为元，最多两位小数");
        }
        if (amountFen == 0) {
            return ApiResult.business("ACQ.REFUND_FEE_ERROR", "交易退款金额有误");
        }
        List<Map<String, String>> notifies = new ArrayList<>();
        try {
            synchronized (trade) {
                Instant now = clock.instant();
                expireIfDue(trade, now, notifies);
                if (!trade.created) {
                    return ApiResult.business("ACQ.TRADE_NOT_EXIST", "交易不存在");
                }
                String outRequestNo = text(biz, "out_request_no");
                if (outRequestNo == null) {
                    // Alipay: without out_request_no the request number is the out_trade_no
                    outRequestNo = trade.outTradeNo;
                }
                Trade.Refund previous = trade.refunds.get(outRequestNo);
                if (previous != null) {
                    if (previous.amountFen() != amountFen) {
                        return ApiResult.business("ACQ.DISCORDANT_REPEAT_REQUEST", "请求信息不一致");
                    }
                    return ApiResult.success(refundFields(trade, previous, "N"));
                }
                switch (trade.status) {
                    case WAIT_BUYER_PAY, TRADE_CLOSED:
                        return ApiResult.business("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
                    case TRADE_FINISHED:
                        return ApiResult.business("ACQ.TRADE_HAS_FINISHED", "交易已完结");
                    default:
                        break;
                }
                if (trade.refundedFen + amountFen > trade.totalFen) {
                    return ApiResult.business("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
                }
                trade.refundedFen += amountFen;
                boolean full = trade.refundedFen == trade.totalFen;
                long feeBack = full ? trade.feeFen - trade.feeReturnedFen
                        : Math.min(Money.feeFen(amountFen, feeBasisPoints), trade.feeFen - trade.feeReturnedFen);
                trade.feeReturnedFen += feeBack;
                Trade.Refund refund = new Trade.Refund(outRequestNo, amountFen, text(biz, "refund_reason"), now, feeBack);
                trade.refunds.put(outRequestNo, refund);
                if (full) {
                    trade.status = TradeStatus.TRADE_CLOSED;
                    trade.gmtClose = now;
                }
                if (notifyOnRefund) {
                    notifies.add(notifyParams(trade, trade.status.name(), refund));
                }
                return ApiResult.success(refundFields(trade, refund, "Y"));
            }
        } finally {
            dispatch(notifies);
        }
    }

    private Map<String, Object> refundFields(Trade trade, Trade.Refund refund, String fundChange) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("buyer_logon_id", mask(trade.buyerLogonId));
        f.put("buyer_user_id", trade.buyerId);
        f.put("fund_change", fundChange);
        f.put("gmt_refund_pay", AlipayTime.format(refund.at()));
        f.put("out_trade_no", trade.outTradeNo);
        f.put("refund_fee", Money.yuan(trade.refundedFen));
        f.put("send_back_fee", Money.yuan(refund.amountFen()));
        f.put("trade_no", trade.tradeNo);
        return f;
    }

    ApiResult refundQuery(ApiRequest req) {
        JsonNode biz = req.biz();
        String outRequestNo = biz == null ? null : text(biz, "out_request_no");
        if (outRequestNo == null) {
            return ApiResult.business("ACQ.INVALID_PARAMETER", "参数无效: out_request_no 必填");
        }
        Trade trade = find(biz);
        if (trade == null) {
            return ApiResult.business("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        synchronized (trade) {
            if (!trade.created) {
                return ApiResult.business("ACQ.TRADE_NOT_EXIST", "交易不存在");
            }
            Map<String, Object> f = new LinkedHashMap<>();
            Trade.Refund refund = trade.refunds.get(outRequestNo);
            if (refund == null) {
                // like Alipay: a success answer without refund data means "no such refund succeeded"
                f.put("out_trade_no", trade.outTradeNo);
                f.put("trade_no", trade.tradeNo);
                return ApiResult.success(f);
            }
            if (hasQueryOption(biz, "gmt_refund_pay")) {
                f.put("gmt_refund_pay", AlipayTime.format(refund.at()));
            }
            f.put("out_request_no", refund.outRequestNo());
            f.put("out_trade_no", trade.outTradeNo);
            f.put("refund_amount", Money.yuan(refund.amountFen()));
            if (refund.reason() != null) {
                f.put("refund_reason", refund.reason());
            }
            f.put("refund_status", "REFUND_SUCCESS");
            f.put("total_amount", Money.yuan(trade.totalFen));
            f.put("trade_no", trade.tradeNo);
            return ApiResult.success(f);
        }
    }

    private static boolean hasQueryOption(JsonNode biz, String option) {
        JsonNode options = biz.get("query_options");
        if (options != null && options.isArray()) {
            for (JsonNode o : options) {
                if (option.equals(o.asString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private ApiResult notExist(String outTradeNo, String tradeNo) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("buyer_pay_amount", "0.00");
        f.put("invoice_amount", "0.00");
        if (outTradeNo != null) {
            f.put("out_trade_no", outTradeNo);
        }
        f.put("point_amount", "0.00");
        f.put("receipt_amount", "0.00");
        if (tradeNo != null) {
            f.put("trade_no", tradeNo);
        }
        return ApiResult.business("ACQ.TRADE_NOT_EXIST", "交易不存在", f);
    }

    /** trade_no wins over out_trade_no, as in Alipay's docs. */
    private Trade find(JsonNode biz) {
        if (biz == null) {
            return null;
        }
        String tradeNo = text(biz, "trade_no");
        if (tradeNo != null) {
            String out = byTradeNo.get(tradeNo);
            return out == null ? null : trades.get(out);
        }
        String outTradeNo = text(biz, "out_trade_no");
        if (outTradeNo == null) {
            return null;
        }
        Trade trade = trades.get(outTradeNo);
        return trade == null || !trade.initialized ? null : trade;
    }

    // ------------------------------------------------------------------ buyer actions and test hooks

    Optional<Trade> byToken(String token) {
        String out = byCashierToken.get(token);
        return out == null ? Optional.empty() : Optional.ofNullable(trades.get(out));
    }

    Trade require(String outTradeNo) {
        Trade trade = outTradeNo == null ? null : trades.get(outTradeNo);
        if (trade == null || !trade.initialized) {
            throw new SimulatorException("NOT_FOUND", "no order " + outTradeNo + " was ever sent to the simulator", 404);
        }
        return trade;
    }

    /** The buyer scans the QR code / logs in at the cashier: the trade now exists (WAIT_BUYER_PAY). */
    TradeView scan(String outTradeNo, String buyerLogonId) {
        Trade trade = require(outTradeNo);
        List<Map<String, String>> notifies = new ArrayList<>();
        try {
            synchronized (trade) {
                expireIfDue(trade, clock.instant(), notifies);
                checkPayable(trade);
                if (!trade.created) {
                    create(trade, buyerLogonId);
                }
                return trade.view();
            }
        } finally {
            dispatch(notifies);
        }
    }

    /** The buyer pays: WAIT_BUYER_PAY (created on the fly if needed) → TRADE_SUCCESS, and the notify goes out. */
    TradeView pay(String outTradeNo, String buyerLogonId) {
        Trade trade = require(outTradeNo);
        List<Map<String, String>> notifies = new ArrayList<>();
        try {
            synchronized (trade) {
                Instant now = clock.instant();
                expireIfDue(trade, now, notifies);
                checkPayable(trade);
                if (!trade.created) {
                    create(trade, buyerLogonId);
                } else if (buyerLogonId != null && !buyerLogonId.equals(trade.buyerLogonId)) {
                    throw new SimulatorException("ACQ.TRADE_BUYER_NOT_MATCH", "交易买家不匹配", 409);
                }
                trade.status = TradeStatus.TRADE_SUCCESS;
                trade.gmtPayment = now;
                trade.feeFen = Money.feeFen(trade.totalFen, feeBasisPoints);
                notifies.add(notifyParams(trade, TradeStatus.TRADE_SUCCESS.name(), null));
                return trade.view();
            }
        } finally {
            dispatch(notifies);
        }
    }

    private void checkPayable(Trade trade) {
        if (trade.preOrderExpired) {
            throw new SimulatorException("ACQ.TRADE_HAS_CLOSE", "订单已超时关闭（二维码已失效）", 409);
        }
        if (trade.created) {
            switch (trade.status) {
                case TRADE_CLOSED -> throw new SimulatorException("ACQ.TRADE_HAS_CLOSE", "交易已经关闭", 409);
                case TRADE_SUCCESS, TRADE_FINISHED ->
                        throw new SimulatorException("ACQ.TRADE_HAS_SUCCESS", "交易已被支付", 409);
                default -> {
                }
            }
        }
    }

    private void create(Trade trade, String buyerLogonId) {
        String logon = buyerLogonId == null || buyerLogonId.isBlank() ? defaultBuyerLogonId : buyerLogonId.trim();
        trade.created = true;
        trade.status = TradeStatus.WAIT_BUYER_PAY;
        trade.gmtCreate = clock.instant();
        trade.tradeNo = newTradeNo(trade.gmtCreate);
        trade.buyerLogonId = logon;
        trade.buyerId = buyerId(logon);
        byTradeNo.put(trade.tradeNo, trade.outTradeNo);
    }

    /** TRADE_SUCCESS → TRADE_FINISHED (Alipay does this when the refund period ends) and notifies. */
    TradeView finish(String outTradeNo) {
        Trade trade = require(outTradeNo);
        List<Map<String, String>> notifies = new ArrayList<>();
        try {
            synchronized (trade) {
                if (!trade.created || trade.status != TradeStatus.TRADE_SUCCESS) {
                    throw new SimulatorException("ACQ.TRADE_STATUS_ERROR",
                            "only a TRADE_SUCCESS trade can finish; this one is " + (trade.created ? trade.status : "not created"), 409);
                }
                trade.status = TradeStatus.TRADE_FINISHED;
                notifies.add(notifyParams(trade, TradeStatus.TRADE_FINISHED.name(), null));
                return trade.view();
            }
        } finally {
            dispatch(notifies);
        }
    }

    /** Closes every unpaid trade whose time_expire / timeout_express has passed (by the simulator's clock). */
    int closeExpired() {
        int closed = 0;
        Instant now = clock.instant();
        for (Trade trade : trades.values()) {
            List<Map<String, String>> notifies = new ArrayList<>();
            synchronized (trade) {
                if (expireIfDue(trade, now, notifies)) {
                    closed++;
                }
            }
            dispatch(notifies);
        }
        return closed;
    }

    /** Must hold the trade's monitor. */
    private boolean expireIfDue(Trade trade, Instant now, List<Map<String, String>> notifies) {
        if (!trade.initialized || trade.expireAt == null || now.isBefore(trade.expireAt)) {
            return false;
        }
        if (!trade.created) {
            if (trade.preOrderExpired) {
                return false;
            }
            trade.preOrderExpired = true;
            return true;
        }
        if (trade.status != TradeStatus.WAIT_BUYER_PAY) {
            return false;
        }
        trade.status = TradeStatus.TRADE_CLOSED;
        trade.gmtClose = now;
        notifies.add(notifyParams(trade, TradeStatus.TRADE_CLOSED.name(), null));
        return true;
    }

    Optional<TradeView> view(String outTradeNo) {
        Trade trade = trades.get(outTradeNo);
        if (trade == null) {
            return Optional.empty();
        }
        synchronized (trade) {
            return trade.initialized ? Optional.of(trade.view()) : Optional.empty();
        }
    }

    List<TradeView> views() {
        List<TradeView> list = new ArrayList<>();
        for (Trade trade : trades.values()) {
            synchronized (trade) {
                if (trade.initialized) {
                    list.add(trade.view());
                }
            }
        }
        list.sort(Comparator.comparing(v -> v.outTradeNo()));
        return list;
    }

    Collection<Trade> allTrades() {
        return trades.values();
    }

    // ------------------------------------------------------------------ notifies

    /** Resends the notify for the trade's current state (a duplicate, as Alipay may send). */
    NotifyDelivery resend(String outTradeNo) {
        Trade trade = require(outTradeNo);
        Map<String, String> params;
        synchronized (trade) {
            if (!trade.created) {
                throw new SimulatorException("ACQ.TRADE_NOT_EXIST", "the trade does not exist yet: nothing to notify", 409);
            }
            params = unsignedNotifyParams(trade, trade.status.name(), lastRefund(trade));
            params.put("sign", signNotify(params, alipayKeys.getPrivate(), charsetOf(trade)));
        }
        return send(trade, params, NotifyDelivery.Kind.TEST, true);
    }

    /**
     * A correctly signed notify claiming {@code status}, whatever the trade's real state (e.g. TRADE_FINISHED
     * before TRADE_SUCCESS); {@code edit} may change parameters before signing ({@code signAfterEdit}) or after.
     */
    NotifyDelivery sendCustom(String outTradeNo, String status, UnaryOperator<Map<String, String>> edit,
                              boolean signAfterEdit, NotifyDelivery.Kind kind) {
        Trade trade = require(outTradeNo);
        Map<String, String> params;
        synchronized (trade) {
            params = unsignedNotifyParams(trade, status, null);
        }
        if (signAfterEdit) {
            params = edit.apply(params);
            params.put("sign", signNotify(params, alipayKeys.getPrivate(), charsetOf(trade)));
        } else {
            params.put("sign", signNotify(params, alipayKeys.getPrivate(), charsetOf(trade)));
            params = edit.apply(params);
        }
        return send(trade, params, kind, kind != NotifyDelivery.Kind.FORGED);
    }

    NotifyDelivery sendForged(String outTradeNo, Forgery forgery) {
        String status = TradeStatus.TRADE_SUCCESS.name();
        return switch (forgery) {
            case BAD_SIGNATURE -> {
                Trade trade = require(outTradeNo);
                Map<String, String> params;
                synchronized (trade) {
                    params = unsignedNotifyParams(trade, status, null);
                }
                params.put("sign", signNotify(params, forgeryKey(), charsetOf(trade)));
                yield send(trade, params, NotifyDelivery.Kind.FORGED, false);
            }
            case TAMPERED_AMOUNT -> sendCustom(outTradeNo, status, p -> {
                p.put("total_amount", plusOneFen(p.get("total_amount")));
                return p;
            }, false, NotifyDelivery.Kind.FORGED);
            case WRONG_AMOUNT -> sendCustom(outTradeNo, status, p -> {
                for (String key : List.of("total_amount", "receipt_amount", "buyer_pay_amount", "invoice_amount")) {
                    p.put(key, plusOneFen(p.get(key)));
                }
                p.put("fund_bill_list", fundBillListText(Money.parseFen(p.get("total_amount"))));
                return p;
            }, true, NotifyDelivery.Kind.FORGED);
            case WRONG_APP_ID -> sendCustom(outTradeNo, status, p -> {
                String other = otherId(p.get("app_id"));
                p.put("app_id", other);
                p.put("auth_app_id", other);
                return p;
            }, true, NotifyDelivery.Kind.FORGED);
            case WRONG_SELLER_ID -> sendCustom(outTradeNo, status, p -> {
                p.put("seller_id", otherId(p.get("seller_id")));
                return p;
            }, true, NotifyDelivery.Kind.FORGED);
            case UNKNOWN_OUT_TRADE_NO -> sendCustom(outTradeNo, status, p -> {
                p.put("out_trade_no", p.get("out_trade_no") + "_FORGED");
                return p;
            }, true, NotifyDelivery.Kind.FORGED);
            case MISSING_SIGNATURE -> sendCustom(outTradeNo, status, p -> {
                p.remove("sign");
                return p;
            }, false, NotifyDelivery.Kind.FORGED);
        };
    }

    private NotifyDelivery send(Trade trade, Map<String, String> params, NotifyDelivery.Kind kind, boolean retry) {
        String url;
        Charset charset;
        synchronized (trade) {
            url = trade.notifyUrl;
            charset = charsetOf(trade);
        }
        if (url == null) {
            throw new SimulatorException("NO_NOTIFY_URL", "the order for " + trade.outTradeNo + " carried no notify_url", 409);
        }
        return notifier.submit(url, params, charset, kind, retry, false);
    }

    private void dispatch(List<Map<String, String>> notifies) {
        for (Map<String, String> params : notifies) {
            String url = params.remove("__url");
            Charset charset = Charset.forName(params.remove("__charset"));
            if (url != null) {
                notifier.submit(url, params, charset, NotifyDelivery.Kind.GENUINE, true, !notifiesEnabled);
            }
        }
    }

    /** Signed notify parameters plus two internal keys (__url, __charset) removed by {@link #dispatch}. */
    private Map<String, String> notifyParams(Trade trade, String status, Trade.Refund refund) {
        Map<String, String> params = unsignedNotifyParams(trade, status, refund);
        params.put("sign", signNotify(params, alipayKeys.getPrivate(), charsetOf(trade)));
        params.put("__url", trade.notifyUrl);
        params.put("__charset", charsetOf(trade).name());
        return params;
    }

    /** Must hold the trade's monitor. Parameter set and names as in Alipay's trade_status_sync notify. */
    private Map<String, String> unsignedNotifyParams(Trade trade, String status, Trade.Refund refund) {
        Instant now = clock.instant();
        String tradeNo = trade.tradeNo != null ? trade.tradeNo : newTradeNo(now);
        String buyerLogon = trade.buyerLogonId != null ? trade.buyerLogonId : defaultBuyerLogonId;
        boolean paidClaim = trade.gmtPayment != null
                || TradeStatus.TRADE_SUCCESS.name().equals(status) || TradeStatus.TRADE_FINISHED.name().equals(status);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gmt_create", AlipayTime.format(trade.gmtCreate != null ? trade.gmtCreate : now));
        p.put("charset", charsetOf(trade).name().toLowerCase());
        p.put("subject", trade.subject);
        if (trade.body != null) {
            p.put("body", trade.body);
        }
        p.put("buyer_id", trade.buyerId != null ? trade.buyerId : buyerId(buyerLogon));
        if (paidClaim) {
            p.put("invoice_amount", Money.yuan(trade.totalFen));
        }
        p.put("notify_id", newNotifyId(now));
        if (paidClaim) {
            p.put("fund_bill_list", fundBillListText(trade.totalFen));
        }
        p.put("notify_type", "trade_status_sync");
        p.put("trade_status", status);
        if (paidClaim) {
            p.put("receipt_amount", Money.yuan(trade.totalFen));
            p.put("buyer_pay_amount", Money.yuan(trade.totalFen));
        }
        p.put("app_id", trade.appId);
        p.put("sign_type", "RSA2");
        p.put("seller_id", sellerId);
        if (paidClaim) {
            p.put("gmt_payment", AlipayTime.format(trade.gmtPayment != null ? trade.gmtPayment : now));
        }
        p.put("notify_time", AlipayTime.format(now));
        if (trade.passbackParams != null) {
            p.put("passback_params", trade.passbackParams);
        }
        p.put("version", "1.0");
        p.put("out_trade_no", trade.outTradeNo);
        p.put("total_amount", Money.yuan(trade.totalFen));
        p.put("trade_no", tradeNo);
        p.put("auth_app_id", trade.appId);
        p.put("buyer_logon_id", mask(buyerLogon));
        if (paidClaim) {
            p.put("point_amount", "0.00");
        }
        if (refund != null) {
            p.put("out_biz_no", refund.outRequestNo());
            p.put("refund_fee", Money.yuan(trade.refundedFen));
            p.put("gmt_refund", AlipayTime.formatMillis(refund.at()));
        }
        if (TradeStatus.TRADE_CLOSED.name().equals(status) && trade.gmtClose != null) {
            p.put("gmt_close", AlipayTime.format(trade.gmtClose));
        }
        return p;
    }

    private static Trade.Refund lastRefund(Trade trade) {
        Trade.Refund last = null;
        for (Trade.Refund r : trade.refunds.values()) {
            last = r;
        }
        return last;
    }

    static String signNotify(Map<String, String> params, PrivateKey key, Charset charset) {
        return Rsa2.sign(Rsa2.signContent(params, Rsa2.NOTIFY_EXCLUDED), key, charset);
    }

    /** Signs synchronous return parameters (page/wap pay return_url) like a notify (rsaCheckV1 rules). */
    Map<String, String> returnParams(Trade trade) {
        Map<String, String> p = new LinkedHashMap<>();
        synchronized (trade) {
            p.put("charset", charsetOf(trade).name().toLowerCase());
            p.put("out_trade_no", trade.outTradeNo);
            p.put("method", trade.method + ".return");
            p.put("total_amount", Money.yuan(trade.totalFen));
            p.put("trade_no", trade.tradeNo);
            p.put("auth_app_id", trade.appId);
            p.put("version", "1.0");
            p.put("app_id", trade.appId);
            p.put("sign_type", "RSA2");
            p.put("seller_id", sellerId);
            p.put("timestamp", AlipayTime.format(clock.instant()));
            p.put("sign", signNotify(p, alipayKeys.getPrivate(), charsetOf(trade)));
        }
        return p;
    }

    private static Charset charsetOf(Trade trade) {
        return trade.charset != null ? trade.charset : StandardCharsets.UTF_8;
    }

    private PrivateKey forgeryKey() {
        PrivateKey key = forgeryKey;
        if (key == null) {
            synchronized (this) {
                if (forgeryKey == null) {
                    forgeryKey = Rsa2.generateKeyPair().getPrivate();
                }
                key = forgeryKey;
            }
        }
        return key;
    }

    // ------------------------------------------------------------------ helpers

    static String fundBillListText(long fen) {
        return "[{\"amount\":\"" + Money.yuan(fen) + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]";
    }

    private static ArrayNode fundBillList(long fen, String channelKey) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        ObjectNode bill = list.addObject();
        bill.put("amount", Money.yuan(fen));
        bill.put(channelKey, "ALIPAYACCOUNT");
        return list;
    }

    private static String plusOneFen(String yuan) {
        return yuan == null ? null : Money.yuan(Money.parseFen(yuan) + 1);
    }

    private String otherId(String id) {
        String other;
        do {
            other = (id != null && id.startsWith("2088") ? "2088" : "2021") + randomDigits(12);
        } while (other.equals(id));
        return other;
    }

    private String newTradeNo(Instant at) {
        String day = at.atZone(AlipayTime.ZONE).toLocalDate().toString().replace("-", "");
        long seq = sequence.incrementAndGet() % 1_000_000L;
        return day + "22001" + randomDigits(9) + String.format("%06d", seq);
    }

    private String newNotifyId(Instant at) {
        ZonedDateTime t = at.atZone(AlipayTime.ZONE);
        return String.format("%04d%02d%02d%02d%02d%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond()) + "0" + randomDigits(19);
    }

    /** A stable 2088… buyer id per logon id. */
    static String buyerId(String logon) {
        long h = 1125899906842597L;
        for (char c : logon.toCharArray()) {
            h = 31 * h + c;
        }
        return "2088" + String.format("%012d", Math.floorMod(h, 1_000_000_000_000L));
    }

    /** Alipay masks the buyer's logon id: 138****0000, abc***@example.com. */
    static String mask(String logon) {
        if (logon == null) {
            return null;
        }
        int at = logon.indexOf('@');
        if (at > 0) {
            return logon.substring(0, Math.min(3, at)) + "***" + logon.substring(at);
        }
        if (logon.length() == 11 && logon.chars().allMatch(Character::isDigit)) {
            return logon.substring(0, 3) + "****" + logon.substring(7);
        }
        return logon.substring(0, Math.min(3, logon.length())) + "***";
    }

    String randomDigits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private String randomAlnum(int n) {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    static String text(JsonNode node, String name) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || v.isContainer()) {
            return null;
        }
        String s = v.asString();
        return s == null || s.isEmpty() ? null : s;
    }

    /** Amounts may come as JSON strings ("12.34") or numbers (12.34, read as BigDecimal, never double). */
    static String amount(JsonNode node, String name) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        return v.isString() ? v.asString().trim() : null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
