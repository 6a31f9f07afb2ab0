package cn.zhunong.alipaysim;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts async notifies and retries them until the merchant answers {@code success}, with Alipay's back-off
 * (4m, 10m, 10m, 1h, 2h, 6h, 15h: 8 attempts in about 25 hours) multiplied by a scale so tests can use milliseconds.
 */
final class NotifyDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotifyDispatcher.class);

    static final List<Duration> ALIPAY_BACKOFF = List.of(Duration.ofMinutes(4), Duration.ofMinutes(10),
            Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15));

    private final double backoffScale;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    NotifyDispatcher(double backoffScale, Duration timeout) {
        this.backoffScale = backoffScale;
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(4, r -> daemon(r, "alipay-sim-notify-" + n.incrementAndGet()));
        this.httpExecutor = Executors.newCachedThreadPool(r -> daemon(r, "alipay-sim-notify-http"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Queues a notify. {@code retry=false} sends it once (forgeries); {@code suppressed=true} only logs it.
     */
    NotifyDelivery submit(String url, Map<String, String> params, Charset charset, NotifyDelivery.Kind kind,
                          boolean retry, boolean suppressed) {
        Entry entry = new Entry(url, new LinkedHashMap<>(params), charset, kind, retry);
        entries.add(entry);
        if (suppressed) {
            entry.state = NotifyDelivery.State.SUPPRESSED;
        } else {
            scheduler.execute(() -> attempt(entry));
        }
        return entry.snapshot();
    }

    List<NotifyDelivery> deliveries() {
        List<NotifyDelivery> list = new ArrayList<>();
        for (Entry e : entries) {
            list.add(e.snapshot());
        }
        return list;
    }

    long delayMillis(int retryIndex) {
        return Math.round(ALIPAY_BACKOFF.get(retryIndex).toMillis() * backoffScale);
    }

    private void attempt(Entry entry) {
        int number;
        synchronized (entry) {
            if (entry.state != NotifyDelivery.State.PENDING) {
                return;
            }
            number = entry.attempts.size() + 1;
        }
        Instant at = Instant.now();
        NotifyAttempt result;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(entry.url))
                    .timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=" + entry.charset.name().toLowerCase())
                    .header("User-Agent", "Mozilla/4.0 (alipay-simulator)")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody(entry.params, entry.charset), entry.charset))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            result = new NotifyAttempt(number, at, response.statusCode(), response.body(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            result = new NotifyAttempt(number, at, -1, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        synchronized (entry) {
            entry.attempts.add(result);
            if (result.acknowledged()) {
                entry.state = NotifyDelivery.State.ACKNOWLEDGED;
                return;
            }
            if (!entry.retry || number > ALIPAY_BACKOFF.size()) {
                entry.state = NotifyDelivery.State.GAVE_UP;
                log.info("notify {} for {} not acknowledged after {} attempt(s); giving up",
                        entry.params.get("notify_id"), entry.params.get("out_trade_no"), number);
                return;
            }
        }
        long delay = delayMillis(number - 1);
        log.debug("notify {} attempt {} not acknowledged (HTTP {}); next in {} ms",
                entry.params.get("notify_id"), number, result.httpStatus(), delay);
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> attempt(entry), delay, TimeUnit.MILLISECONDS);
        }
    }

    static String formBody(Map<String, String> params, Charset charset) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(e.getKey(), charset)).append('=').append(URLEncoder.encode(e.getValue(), charset));
        }
        return body.toString();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
    }

    private static final class Entry {
        final String url;
        final Map<String, String> params;
        final Charset charset;
        final NotifyDelivery.Kind kind;
        final boolean retry;
        final List<NotifyAttempt> attempts = new ArrayList<>();
        NotifyDelivery.State state = NotifyDelivery.State.PENDING;

        Entry(String url, Map<String, String> params, Charset charset, NotifyDelivery.Kind kind, boolean retry) {
            this.url = url;
            this.params = params;
            this.charset = charset;
            this.kind = kind;
            this.retry = retry;
        }

        synchronized NotifyDelivery snapshot() {
            return new NotifyDelivery(params.get("notify_id"), params.get("out_trade_no"), params.get("trade_status"),
                    url, kind, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params)),
                    List.copyOf(attempts), state);
        }
    }
}
