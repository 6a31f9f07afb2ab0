package cn.zhunong.bench.live;

import cn.zhunong.common.security.AccessTokens;
import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.live.LiveRoomApplication;
import cn.zhunong.live.socket.SocketServerLifecycle;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.netty.channel.Channel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Chat fan-out of one live-room node: N viewers in one room (default 5,000), some of them signed in
 * and chatting at a fixed total rate (default 50 messages/s); every message must reach every
 * viewer. The node runs in this JVM on the embedded Redis and MariaDB; the viewers are lightweight
 * netty WebSocket clients ({@link Viewers}) on a few threads of the same JVM. The run is done twice,
 * with chat batching on (one packet per room per tick, the production setting) and off (one packet
 * per message), and prints latency p50/p99, deliveries/s, missing deliveries, CPU and memory of each
 * and their ratio.
 *
 * <p>Options: {@code --viewers=5000 --chatters=500 --rate=50 --warmup=10 --seconds=30
 * --client-threads=2 --modes=on,off}.
 */
public final class LiveBench {

    private static final String SECRET = "live-bench-secret-" + UUID.randomUUID();
    /** after the last message: wait until deliveries stop for this long (a lagging node still delivers) ... */
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** ... but no longer than this; what has not arrived by then counts as missing */
    private static final Duration MAX_DRAIN = Duration.ofSeconds(120);

    private LiveBench() {
    }

    record Options(int viewers, int chatters, int rate, int warmupSeconds, int seconds, int clientThreads, List<Boolean> modes) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("Unknown option " + arg
                            + " (known: --viewers= --chatters= --rate= --warmup= --seconds= --client-threads= --modes=on,off)");
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            List<Boolean> modes = new ArrayList<>();
            for (String mode : values.getOrDefault("modes", "on,off").split(",")) {
                modes.add(mode.trim().equals("on"));
            }
            int viewers = Integer.parseInt(values.getOrDefault("viewers", "5000"));
            int chatters = Math.min(viewers, Integer.parseInt(values.getOrDefault("chatters", "500")));
            int rate = Integer.parseInt(values.getOrDefault("rate", "50"));
            if (rate * 10 > chatters * 5) {
                // live-room lets a user send 5 messages per 10 s: more per chatter would be refused (RATE_LIMITED)
                throw new IllegalArgumentException("--chatters must be at least 2 × --rate (each user may send 5 messages per 10 s)");
            }
            return new Options(viewers, Math.min(viewers, Integer.parseInt(values.getOrDefault("chatters", "500"))),
                    Integer.parseInt(values.getOrDefault("rate", "50")), Integer.parseInt(values.getOrDefault("warmup", "10")),
                    Integer.parseInt(values.getOrDefault("seconds", "30")),
                    Integer.parseInt(values.getOrDefault("client-threads", "2")), modes);
        }
    }

    record Result(boolean batching, int viewers, double connectSeconds, long sent, long expected, long delivered,
            long missing, double p50, double p99, double p99FromDue, double deliveriesPerSecond, double cpuCoresTotal, double cpuCoresClients,
            long heapMb, long rssMb, long rejected, long disconnected) {
    }

    public static void main(String[] args) throws Exception {
        // netty-socketio's timer of the first (stopped) node is reported as a leak when collected: noise, not the run's
        System.setProperty("io.netty.leakDetection.level", "disabled");
        Options options = Options.parse(args);
        System.out.printf(Locale.ROOT, "live-bench: %d viewers (%d chatting), %d messages/s, warm-up %d s, measured %d s, "
                + "%d client threads, %d cores, load %.1f%n", options.viewers(), options.chatters(), options.rate(),
                options.warmupSeconds(), options.seconds(), options.clientThreads(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        EmbeddedInfra infra = EmbeddedInfra.start(null, "live_bench");
        List<Result> results = new ArrayList<>();
        try {
            Flyway.configure().dataSource(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword()).load().migrate();
            for (boolean batching : options.modes()) {
                results.add(run(infra, options, batching));
            }
        } finally {
            infra.close();
        }
        print(results);
        System.exit(0);
    }

    private static Result run(EmbeddedInfra infra, Options options, boolean batching) throws Exception {
        System.out.printf("%n-- batching %s --%n", batching ? "ON (one packet per room per tick)" : "OFF (one packet per message)");
        ConfigurableApplicationContext node = startNode(infra, options, batching);
        int maxMessages = options.rate() * (options.warmupSeconds() + options.seconds()) + 10_000;
        long sessionId = System.currentTimeMillis();
        StringRedisTemplate redis = node.getBean(StringRedisTemplate.class);
        redis.opsForHash().putAll("live:session:" + sessionId, Map.of("streamerId", "1", "status", "LIVE"));
        long userBase = System.nanoTime() % 1_000_000_000L * 1000;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < options.viewers(); i++) {
            tokens.add(i < options.chatters() ? token(userBase + i) : null);
        }
        int socketPort = node.getBean(SocketServerLifecycle.class).port();
        try (Viewers viewers = new Viewers(socketPort, sessionId, options.clientThreads(), maxMessages)) {
            long connectStart = System.nanoTime();
            List<Channel> channels = viewers.connectAll(tokens, 200, 600);
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            System.out.printf(Locale.ROOT, "%d viewers joined in %.1f s%n", channels.size(), connectSeconds);

            AtomicLong seq = new AtomicLong();
            ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-sender");
                t.setDaemon(true);
                return t;
            });
            long periodMicros = 1_000_000L / options.rate();
            sender.scheduleAtFixedRate(() -> {
                long n = seq.getAndIncrement();
                if (n >= maxMessages) {
                    return;
                }
                Channel chatter = channels.get((int) (n % options.chatters()));
                long due = System.nanoTime();
                // stamped when the chatter's socket write starts: a phone sends at once, while here the
                // chatter shares its event loop with thousands of simulated viewers (that wait is printed apart)
                chatter.eventLoop().execute(() -> {
                    long sentAt = System.nanoTime();
                    Viewers.emit(chatter, "42[\"chat\",{\"sessionId\":" + sessionId + ",\"text\":\"b" + n + ":" + sentAt + ":" + due
                            + "\"}]");
                });
            }, 0, periodMicros, TimeUnit.MICROSECONDS);

            pause(Duration.ofSeconds(options.warmupSeconds()));
            long rejectedBefore = viewers.rejected.get();
            viewers.measureFrom = seq.get();
            CpuSample cpuBefore = CpuSample.now();
            Map<String, Double> threadsBefore = CpuSample.byThreadGroup();
            pause(Duration.ofSeconds(options.seconds()));
            viewers.measureTo = seq.get();
            CpuSample cpuAfter = CpuSample.now();
            printBusiestThreads(threadsBefore, CpuSample.byThreadGroup(), options.seconds());
            sender.shutdownNow();
            double drainSeconds = drain(viewers);
            System.out.printf(Locale.ROOT, "deliveries settled %.1f s after the last message%n", drainSeconds);

            long from = viewers.measureFrom;
            long to = viewers.measureTo;
            long expected = (to - from) * options.viewers();
            long delivered = 0;
            for (long s = from; s < to; s++) {
                delivered += Math.min(options.viewers(), viewers.delivered((int) s));
            }
            double seconds = (cpuAfter.wallNanos - cpuBefore.wallNanos) / 1e9;
            System.gc();
            Histogram latency = viewers.latency();
            long deliveries = viewers.deliveries();
            Result result = new Result(batching, channels.size(), connectSeconds, to - from, expected, deliveries,
                    expected - delivered, latency.percentileMs(0.50), latency.percentileMs(0.99),
                    viewers.latencyFromDue().percentileMs(0.99), deliveries / seconds,
                    (cpuAfter.processNanos - cpuBefore.processNanos) / 1e9 / seconds,
                    (cpuAfter.clientMs - cpuBefore.clientMs) / 1e3 / seconds,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024), rssMb(),
                    viewers.rejected.get() - rejectedBefore, viewers.disconnected.get());
            System.out.println(line(result));
            return result;
        } finally {
            node.close();
        }
    }

    /** Where the CPU went during the measured window: the busiest thread groups (names without numbers). */
    private static void printBusiestThreads(Map<String, Double> before, Map<String, Double> after, int seconds) {
        List<Map.Entry<String, Double>> used = new ArrayList<>();
        after.forEach((name, ms) -> used.add(Map.entry(name, ms - before.getOrDefault(name, 0.0))));
        used.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        StringBuilder line = new StringBuilder("busiest threads (cores):");
        for (Map.Entry<String, Double> entry : used.subList(0, Math.min(6, used.size()))) {
            line.append(String.format(Locale.ROOT, " %s %.2f;", entry.getKey(), entry.getValue() / 1000 / seconds));
        }
        System.out.println(line);
    }

    private static double drain(Viewers viewers) throws InterruptedException {
        long start = System.nanoTime();
        long last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - start < MAX_DRAIN.toNanos()) {
            long now = viewers.received();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                break;
            }
            pause(Duration.ofMillis(200));
        }
        return (quietSince - start) / 1e9;
    }

    private static ConfigurableApplicationContext startNode(EmbeddedInfra infra, Options options, boolean batching) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", infra.redisPort());
        properties.put("spring.datasource.url", infra.jdbcUrl());
        properties.put("spring.datasource.username", infra.dbUser());
        properties.put("spring.datasource.password", infra.dbPassword());
        properties.put("zhunong.security.jwt-secret", SECRET);
        properties.put("server.port", 0);
        properties.put("zhunong.live.socketio.host", "127.0.0.1");
        properties.put("zhunong.live.socketio.port", 0);
        properties.put("zhunong.live.chat.batching", batching);
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.http.access", "WARN");
        return new SpringApplicationBuilder(LiveRoomApplication.class)
                .properties(LiveRoomApplication.CONFIG_NAME)
                .initializers(c -> c.getEnvironment().getPropertySources().addFirst(new MapPropertySource("live-bench", properties)))
                .run();
    }

    private static final NimbusJwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableSecret<>(AccessTokens.key(SECRET)));

    /** A citizen's access token shaped like mall-api's. */
    private static String token(long userId) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("zhunong-mall-api").subject(Long.toString(userId))
                .id(UUID.randomUUID().toString()).issuedAt(now).expiresAt(now.plus(Duration.ofHours(2)))
                .claim(AccessTokens.CLAIM_GENERATION, 0).claim(AccessTokens.CLAIM_ROLE, "CITIZEN")
                .claim(AccessTokens.CLAIM_NAME, "观众" + userId % 10_000).build();
        return ENCODER.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private static String line(Result r) {
        return String.format(Locale.ROOT, "batching %-3s | viewers %d (joined in %.1f s) | messages %d | latency p50 %.1f ms, p99 %.1f ms"
                        + " (p99 %.1f ms with the generator's own send wait)"
                        + " | deliveries/s %,.0f | missing %d of %,d | CPU %.2f cores (load generator %.2f) | heap %d MB, RSS %d MB"
                        + " | rejected %d, disconnected %d",
                r.batching() ? "ON" : "OFF", r.viewers(), r.connectSeconds(), r.sent(), r.p50(), r.p99(), r.p99FromDue(), r.deliveriesPerSecond(),
                r.missing(), r.expected(), r.cpuCoresTotal(), r.cpuCoresClients(), r.heapMb(), r.rssMb(), r.rejected(),
                r.disconnected());
    }

    private static void print(List<Result> results) {
        System.out.println();
        System.out.println("== live-bench results ==");
        results.forEach(r -> System.out.println(line(r)));
        Result on = results.stream().filter(Result::batching).findFirst().orElse(null);
        Result off = results.stream().filter(r -> !r.batching()).findFirst().orElse(null);
        if (on != null && off != null) {
            System.out.printf(Locale.ROOT, "OFF / ON: latency p50 %.2fx, p99 %.2fx; server CPU %.2fx; missing %d vs %d%n",
                    off.p50() / on.p50(), off.p99() / on.p99(),
                    (off.cpuCoresTotal() - off.cpuCoresClients()) / Math.max(0.001, on.cpuCoresTotal() - on.cpuCoresClients()),
                    off.missing(), on.missing());
        }
    }

    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** Process CPU (OperatingSystemMXBean) and the load generator's share (its threads, from /proc). */
    record CpuSample(long wallNanos, long processNanos, double clientMs) {

        static CpuSample now() {
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new CpuSample(System.nanoTime(), process, threadsMs(Viewers.THREAD_PREFIX, "bench-sender"));
        }

        /** CPU ms per thread group of this JVM (thread name with digits replaced by #), from /proc. */
        static Map<String, Double> byThreadGroup() {
            Map<String, Double> groups = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        groups.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0, Double::sum);
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                return groups;
            }
            return groups;
        }

        private static double threadsMs(String... prefixes) {
            double total = 0;
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        boolean ours = false;
                        for (String prefix : prefixes) {
                            ours |= name.startsWith(prefix);
                        }
                        if (ours) {
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0; // USER_HZ = 100
                        }
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return total;
        }
    }
}
