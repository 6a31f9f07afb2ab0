package cn.zhunong.alipaysim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Alipay's open-platform gateway (key mode, RSA2), for tests and the embedded demo only.
 *
 * <pre>{@code
 * KeyPair app = Rsa2.generateKeyPair();
 * try (AlipaySimulator sim = AlipaySimulator.builder()
 *         .app("2021000000000001", Rsa2.publicKeyBase64(app))
 *         .notifyBackoffScale(0.0001)
 *         .build().start()) {
 *     // point the SDK at sim.gatewayUrl() with alipayPublicKey = sim.alipayPublicKeyBase64()
 * }
 * }</pre>
 *
 * It checks request signatures with the registered app public keys, signs responses, page returns and async
 * notifies with its own Alipay key pair, keeps trades in memory and lets tests play the buyer ({@link #pay},
 * {@link #scan}) and drive notifies ({@link #resendNotify}, {@link #sendNotify}, {@link #sendForgedNotify}).
 * Never put this module on a production classpath.
 */
public final class AlipaySimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlipaySimulator.class);

    private final Builder config;
    private final KeyPair alipayKeys;
    private final String sellerId;
    private final Map<String, PublicKey> apps = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    private final NotifyDispatcher notifier;
    private final TradeBook book;
    private final Gateway gateway;
    private volatile HttpServer server;
    private volatile String baseUrl;
    private ExecutorService httpExecutor;
    private ScheduledExecutorService sweeper;

    private AlipaySimulator(Builder b) {
        this.config = b;
        this.alipayKeys = b.alipayKeys != null ? b.alipayKeys : Rsa2.generateKeyPair();
        this.sellerId = b.sellerId != null ? b.sellerId : "2088" + digits(12);
        for (Map.Entry<String, String> app : b.apps.entrySet()) {
            registerApp(app.getKey(), app.getValue());
        }
        this.mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.notifier = new NotifyDispatcher(b.notifyBackoffScale, b.notifyTimeout);
        this.book = new TradeBook(sellerId, alipayKeys, b.clock, b.serviceFeeBasisPoints, b.defaultBuyerLogonId,
                notifier, this::baseUrl);
        this.book.setNotifyOnRefund(b.notifyOnRefund);
        this.gateway = new Gateway(apps, book, alipayKeys.getPrivate(), mapper, b.clock, b.requestTimestampTolerance,
                sellerId, b.strictBillDates, this::baseUrl, b.defaultBuyerLogonId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the HTTP server and starts the timeout sweeper. Returns {@code this}. */
    public synchronized AlipaySimulator start() {
        if (server != null) {
            return this;
        }
        try {
            InetAddress address = InetAddress.getByName(config.host);
            if (!address.isLoopbackAddress() && !config.allowNonLoopback) {
                throw new IllegalStateException("the Alipay simulator binds to loopback only (got " + config.host
                        + "); call allowNonLoopback(true) for a LAN demo on a trusted network");
            }
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                // small request/response pairs otherwise wait ~40 ms for Nagle + delayed ACK
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            HttpServer s = HttpServer.create(new InetSocketAddress(address, config.port), 64);
            AtomicInteger n = new AtomicInteger();
            httpExecutor = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "alipay-sim-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(httpExecutor);
            s.createContext("/gateway.do", gateway);
            s.createContext("/", new SimEndpoints(this, book, gateway, mapper));
            s.start();
            server = s;
            String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
            baseUrl = config.publicBaseUrl != null ? stripSlash(config.publicBaseUrl)
                    : "http://" + host + ":" + s.getAddress().getPort();
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "alipay-sim-timeouts");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(10, config.expirySweepInterval.toMillis());
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
            log.info("Alipay simulator (dev/test only) listening on {} — seller {}, apps {}", gatewayUrl(), sellerId,
                    appIds());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Alipay simulator: " + e.getMessage(), e);
        }
    }

    private void sweepQuietly() {
        try {
            book.closeExpired();
        } catch (RuntimeException e) {
            log.warn("timeout sweep failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
        }
        notifier.close();
    }

    // ------------------------------------------------------------------ what a merchant configures

    /** e.g. {@code http://127.0.0.1:54321/gateway.do}: the SDK's serverUrl. */
    public String gatewayUrl() {
        return baseUrl() + "/gateway.do";
    }

    /** e.g. {@code http://127.0.0.1:54321}; QR codes, cashier and bill links live under it. */
    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("start() the simulator first");
        }
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The "支付宝公钥" to configure in the SDK (Base64 X.509, no PEM armour). */
    public String alipayPublicKeyBase64() {
        return Rsa2.publicKeyBase64(alipayKeys);
    }

    /** The Alipay private key, for a demo that wants to persist the simulator's keys between runs. */
    public String alipayPrivateKeyBase64() {
        return Rsa2.privateKeyBase64(alipayKeys);
    }

    /** The merchant's PID (2088…): seller_id in notifies and the bill's account. */
    public String sellerId() {
        return sellerId;
    }

    String defaultBuyerLogonId() {
        return config.defaultBuyerLogonId;
    }

    /** Registers (or replaces) an app and its "应用公钥". */
    public void registerApp(String appId, String appPublicKeyBase64) {
        apps.put(Objects.requireNonNull(appId, "appId"), Rsa2.publicKey(appPublicKeyBase64));
    }

    public Set<String> appIds() {
        return new TreeSet<>(apps.keySet());
    }

    // ------------------------------------------------------------------ the buyer

    /** The buyer scans the QR code / logs in at the cashier with the default account: the trade now exists. */
    public TradeView scan(String outTradeNo) {
        return book.scan(outTradeNo, null);
    }

    public TradeView scan(String outTradeNo, String buyerLogonId) {
        return book.scan(outTradeNo, buyerLogonId);
    }

    /**
     * The buyer pays (what 「确认付款」 does): the trade becomes TRADE_SUCCESS and the TRADE_SUCCESS notify goes out.
     *
     * @throws SimulatorException when Alipay would refuse (unknown order, closed, timed out, already paid)
     */
    public TradeView pay(String outTradeNo) {
        return book.pay(outTradeNo, null);
    }

    public TradeView pay(String outTradeNo, String buyerLogonId) {
        return book.pay(outTradeNo, buyerLogonId);
    }

    /** TRADE_SUCCESS → TRADE_FINISHED (the refund period is over) with its notify. */
    public TradeView finish(String outTradeNo) {
        return book.finish(outTradeNo);
    }

    /** Closes unpaid trades whose timeout passed (by the configured clock) now, instead of waiting for the sweeper. */
    public int closeExpiredTrades() {
        return book.closeExpired();
    }

    public Optional<TradeView> trade(String outTradeNo) {
        return book.view(outTradeNo);
    }

    public List<TradeView> trades() {
        return book.views();
    }

    /**
     * Does what a browser does with the SDK's {@code pageExecute} body: submits the auto-posting form (POST) or
     * opens the URL (GET), and returns the cashier page's HTML. After this the order is known to the simulator.
     */
    public String submitPagePay(String pageExecuteBody) {
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request;
            String body = pageExecuteBody.trim();
            if (body.startsWith("<form")) {
                PageForm form = PageForm.parse(body);
                request = HttpRequest.newBuilder(URI.create(form.action()))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                NotifyDispatcher.formBody(form.fields(), StandardCharsets.UTF_8)))
                        .build();
            } else {
                request = HttpRequest.newBuilder(URI.create(body)).GET().build();
            }
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The SDK's auto-submitting form: action URL and hidden fields (values with {@code &quot;} unescaped). */
    public record PageForm(String action, Map<String, String> fields) {

        private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");
        private static final Pattern FIELD = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

        public static PageForm parse(String html) {
            Matcher action = ACTION.matcher(html);
            if (!action.find()) {
                throw new IllegalArgumentException("no form action in " + html);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = FIELD.matcher(html);
            while (field.find()) {
                fields.put(field.group(1), field.group(2).replace("&quot;", "\""));
            }
            return new PageForm(action.group(1).replace("&amp;", "&"), fields);
        }
    }

    // ------------------------------------------------------------------ notifies

    /** Every notify so far, in the order they were queued, with their attempts. */
    public List<NotifyDelivery> notifyDeliveries() {
        return notifier.deliveries();
    }

    public List<NotifyDelivery> notifyDeliveries(String outTradeNo) {
        List<NotifyDelivery> list = new ArrayList<>();
        for (NotifyDelivery d : notifier.deliveries()) {
            if (outTradeNo.equals(d.outTradeNo()) || outTradeNo.equals(d.params().get("out_trade_no"))) {
                list.add(d);
            }
        }
        return list;
    }

    /**
     * Off: state changes still happen but their notifies are only logged ({@link NotifyDelivery.State#SUPPRESSED}),
     * to test a merchant that must query because the notify never came.
     */
    public void setNotifiesEnabled(boolean enabled) {
        book.setNotifiesEnabled(enabled);
    }

    /** Sends the notify for the trade's current state again (a duplicate, with a new notify_id). */
    public NotifyDelivery resendNotify(String outTradeNo) {
        return book.resend(outTradeNo);
    }

    /**
     * A correctly signed notify claiming {@code status} whatever the trade's real state, e.g. TRADE_FINISHED
     * before TRADE_SUCCESS (out of order), or TRADE_SUCCESS for a trade that is not paid (Alipay never does this).
     */
    public NotifyDelivery sendNotify(String outTradeNo, TradeStatus status) {
        return book.sendCustom(outTradeNo, status.name(), UnaryOperator.identity(), true, NotifyDelivery.Kind.TEST);
    }

    /**
     * A notify for the trade with {@code edit} applied to its parameters; signed after the edit when
     * {@code signAfterEdit}, else the edit breaks the signature. Retried like a genuine one.
     */
    public NotifyDelivery sendNotify(String outTradeNo, TradeStatus status, UnaryOperator<Map<String, String>> edit,
                                     boolean signAfterEdit) {
        return book.sendCustom(outTradeNo, status.name(), edit, signAfterEdit, NotifyDelivery.Kind.TEST);
    }

    /** A forged TRADE_SUCCESS notify (sent once, not retried) that a correct merchant must reject. */
    public NotifyDelivery sendForgedNotify(String outTradeNo, Forgery forgery) {
        return book.sendForged(outTradeNo, forgery);
    }

    /** The retry delay (ms) after attempt {@code attempt} (1-based, 1..7) with the configured scale. */
    public long notifyRetryDelayMillis(int attempt) {
        return notifier.delayMillis(attempt - 1);
    }

    // ------------------------------------------------------------------ helpers

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String digits(int n) {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    /** Configuration; every setting has a default fit for tests. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private boolean allowNonLoopback;
        private String publicBaseUrl;
        private String sellerId;
        private KeyPair alipayKeys;
        private final Map<String, String> apps = new LinkedHashMap<>();
        private double notifyBackoffScale = 1.0;
        private Duration notifyTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private int serviceFeeBasisPoints = 60;
        private String defaultBuyerLogonId = "13800000000";
        private Duration requestTimestampTolerance = Duration.ofMinutes(15);
        private boolean strictBillDates;
        private boolean notifyOnRefund = true;
        private Duration expirySweepInterval = Duration.ofSeconds(1);

        private Builder() {
        }

        /** Interface to bind; loopback only unless {@link #allowNonLoopback}. Default 127.0.0.1. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder allowNonLoopback(boolean allow) {
            this.allowNonLoopback = allow;
            return this;
        }

        /** Base of the URLs handed out (QR codes, bill links) when the simulator sits behind a proxy. */
        public Builder publicBaseUrl(String url) {
            this.publicBaseUrl = url;
            return this;
        }

        /** The merchant PID, "2088" + 12 digits; random by default. */
        public Builder sellerId(String sellerId) {
            if (!sellerId.matches("2088\\d{12}")) {
                throw new IllegalArgumentException("a seller id (PID) is 2088 followed by 12 digits: " + sellerId);
            }
            this.sellerId = sellerId;
            return this;
        }

        /** The simulator's own "Alipay" key pair; generated (RSA 2048) by default. */
        public Builder alipayKeyPair(KeyPair pair) {
            this.alipayKeys = pair;
            return this;
        }

        public Builder alipayKeyPair(String privateKeyBase64, String publicKeyBase64) {
            this.alipayKeys = Rsa2.keyPair(privateKeyBase64, publicKeyBase64);
            return this;
        }

        /** Registers an app id with its 应用公钥 (Base64 X.509). */
        public Builder app(String appId, String appPublicKeyBase64) {
            Rsa2.publicKey(appPublicKeyBase64);
            apps.put(appId, appPublicKeyBase64);
            return this;
        }

        /**
         * Multiplies Alipay's notify back-off (4m, 10m, 10m, 1h, 2h, 6h, 15h). 1.0 = real time; 1e-5 turns 4 minutes
         * into 2.4 ms.
         */
        public Builder notifyBackoffScale(double scale) {
            if (scale < 0) {
                throw new IllegalArgumentException("scale must be ≥ 0");
            }
            this.notifyBackoffScale = scale;
            return this;
        }

        /** Connect and read timeout for one notify POST. Default 5 s. */
        public Builder notifyTimeout(Duration timeout) {
            this.notifyTimeout = timeout;
            return this;
        }

        /** The business clock: gmt_* times, timeouts, bill dates. Default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Alipay's fee (服务费) in the trade bill, in basis points; 60 = 0.6 %. */
        public Builder serviceFeeBasisPoints(int basisPoints) {
            this.serviceFeeBasisPoints = basisPoints;
            return this;
        }

        public Builder defaultBuyerLogonId(String logonId) {
            this.defaultBuyerLogonId = logonId;
            return this;
        }

        /** How far a request's timestamp may be from the machine's clock; null disables the check. Default 15 min. */
        public Builder requestTimestampTolerance(Duration tolerance) {
            this.requestTimestampTolerance = tolerance;
            return this;
        }

        /** true: like Alipay, a day's bill exists only from the next day on. Default false: today's bill is served. */
        public Builder strictBillDates(boolean strict) {
            this.strictBillDates = strict;
            return this;
        }

        /** Alipay notifies refunds (TRADE_SUCCESS with refund_fee, or TRADE_CLOSED when full). Default true. */
        public Builder notifyOnRefund(boolean notify) {
            this.notifyOnRefund = notify;
            return this;
        }

        /** How often unpaid trades are checked for timeout. Default 1 s. */
        public Builder expirySweepInterval(Duration interval) {
            this.expirySweepInterval = interval;
            return this;
        }

        public AlipaySimulator build() {
            return new AlipaySimulator(this);
        }
    }
}
