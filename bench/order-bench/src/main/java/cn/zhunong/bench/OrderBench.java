package cn.zhunong.bench;

import cn.zhunong.bench.naive.NaivePlacement;
import cn.zhunong.mall.infra.security.AccessTokenIssuer;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.order.Attribution;
import cn.zhunong.mall.order.CreateOrderRequest;
import cn.zhunong.mall.order.OrderItemRequest;
import cn.zhunong.mall.order.OrderPlacementService;
import cn.zhunong.mall.order.ShippingAddress;
import cn.zhunong.mall.order.stock.StockReconciler;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Order placement throughput on the embedded stack (MariaDB + Redis of dev-infra, mall-api in this
 * JVM, the load generator in this JVM too): one hot SKU and a spread of SKUs, through mall-api's
 * path and through a naive read-check-write path, over real HTTP and/or as in-process calls.
 *
 * <p>Options (bench/README.md explains them): {@code --buyers=200 --seconds=15 --warmup=10 --spread=20
 * --flash-stock=3000 --pool=20 --tomcat-threads=200 --mode=both|http|inprocess
 * --scenarios=floor,hot,spread,flash --paths=ours,naive --floors=noop,ping,cart --access-log=false
 * --server-prepared=true --client=nio|threads}
 */
public final class OrderBench {

    private OrderBench() {
    }

    /** HTTP load from one selector thread ({@link NioHttpLoad}, the default) or from a thread per buyer ({@code --client=threads}). */
    private static boolean nioClient;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int buyers = Integer.parseInt(options.getOrDefault("buyers", "200"));
        long millis = Long.parseLong(options.getOrDefault("seconds", "15")) * 1000;
        long warmup = Long.parseLong(options.getOrDefault("warmup", "10")) * 1000;
        int spread = Integer.parseInt(options.getOrDefault("spread", "20"));
        int flashStock = Integer.parseInt(options.getOrDefault("flash-stock", "3000"));
        int pool = Integer.parseInt(options.getOrDefault("pool", "20"));
        String mode = options.getOrDefault("mode", "both");
        boolean accessLog = Boolean.parseBoolean(options.getOrDefault("access-log", "false"));
        boolean serverPrepared = Boolean.parseBoolean(options.getOrDefault("server-prepared", "true"));
        int tomcatThreads = Integer.parseInt(options.getOrDefault("tomcat-threads", "200"));
        nioClient = !options.getOrDefault("client", "nio").equals("threads");
        List<String> scenarios = List.of(options.getOrDefault("scenarios", "floor,hot,spread,flash").split(","));
        List<String> pathOptions = List.of(options.getOrDefault("paths", "ours,naive").split(","));
        Path[] paths = Arrays.stream(Path.values()).filter(p -> pathOptions.contains(p.label)).toArray(Path[]::new);

        try (BenchStack stack = BenchStack.start(pool, accessLog, serverPrepared, tomcatThreads)) {
            BenchData data = new BenchData(stack.mallApi.getBean(JdbcTemplate.class), stack.mallApi.getBean(AccessTokenIssuer.class));
            List<BenchData.Buyer> people = data.buyers(buyers);
            Bench bench = new Bench(stack, data, people);
            List<LoadRun.Result> results = new ArrayList<>();
            List<String> notes = new ArrayList<>();

            double calibrationBefore = CpuCalibration.sha256MegabytesPerSecond();
            List<String> transports = mode.equals("both") ? List.of("http", "inprocess") : List.of(mode);
            boolean orderScenarios = scenarios.stream().anyMatch(s -> !s.equals("floor"));
            boolean floorScenario = scenarios.contains("floor") && transports.contains("http");
            // the JIT needs minutes on two cores to compile the whole Spring stack with C2; every measured path is warmed
            System.out.printf(Locale.ROOT, "%nwarming up (%d s ours, %d s naive per transport)...%n", warmup / 1000,
                    warmup / 2000);
            if (floorScenario) {
                floor(stack, people, Floor.CART.path, buyers, warmup / 2);
            }
            if (orderScenarios && transports.contains("http")) {
                bench.http(Path.OURS, List.of(data.sku(100_000_000)), buyers, warmup);
                if (pathOptions.contains(Path.NAIVE.label)) {
                    bench.http(Path.NAIVE, List.of(data.sku(100_000_000)), buyers, warmup / 2);
                }
            }
            if (orderScenarios && transports.contains("inprocess")) {
                bench.inProcess(Path.OURS, List.of(data.sku(100_000_000)), buyers, warmup / 2);
                if (pathOptions.contains(Path.NAIVE.label)) {
                    bench.inProcess(Path.NAIVE, List.of(data.sku(100_000_000)), buyers, warmup / 4);
                }
            }

            List<String> chosenFloors = List.of(options.getOrDefault("floors", "noop,ping,cart").split(","));
            Map<Floor, LoadRun.Result> floors = new EnumMap<>(Floor.class);
            for (Floor floor : floorScenario ? Floor.values() : new Floor[0]) {
                if (chosenFloors.contains(floor.option)) {
                    System.out.printf(Locale.ROOT, "running http      floor GET %s for %d s...%n", floor.path, millis / 1000);
                    floors.put(floor, floor(stack, people, floor.path, buyers, millis));
                }
            }
            for (String transport : transports) {
                for (Path path : scenarios.contains("hot") ? paths : new Path[0]) {
                    results.add(bench.run(transport, path, "hot SKU", List.of(data.sku(100_000_000)), buyers, millis));
                }
                for (Path path : scenarios.contains("spread") ? paths : new Path[0]) {
                    List<Long> skus = new ArrayList<>();
                    for (int i = 0; i < spread; i++) {
                        skus.add(data.sku(100_000_000));
                    }
                    results.add(bench.run(transport, path, spread + " SKUs", skus, buyers, millis));
                }
                for (Path path : scenarios.contains("flash") ? paths : new Path[0]) {
                    long sku = data.sku(flashStock);
                    LoadRun.Result result = bench.run(transport, path, "flash sale " + flashStock + " units", List.of(sku),
                            buyers, millis);
                    results.add(result);
                    long sold = data.unitsSold(sku);
                    notes.add(String.format(Locale.ROOT, "%-9s %-5s flash sale: %d units in stock, %d sold, oversold %d, "
                            + "stock column now %d", transport, path.label, flashStock, sold, Math.max(0, sold - flashStock),
                            data.stock(sku)));
                }
            }
            StockReconciler.Report report = reconcile(stack.mallApi.getBean(StockReconciler.class));
            double calibrationAfter = CpuCalibration.sha256MegabytesPerSecond();
            print(results, notes, buyers, pool, accessLog, report, tomcatThreads, paths.length == Path.values().length);
            System.out.println("database statements per request (server counters, the whole server):");
            bench.statements.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "calibration (one core, SHA-256, machine otherwise idle): %.0f MB/s before the runs, "
                    + "%.0f MB/s after%n", calibrationBefore, calibrationAfter);
            floors.forEach((floor, r) -> System.out.printf(Locale.ROOT, "floor: GET %-13s %-62s %6.0f requests/s, p50 %5.1f ms, "
                    + "p99 %5.1f ms, CPU %.3f ms per request (jvm %.3f)%n", floor.path, floor.label, r.createdPerSecond(),
                    r.p50Millis(), r.p99Millis(), r.cpuMsPerRequest(), r.cpu().jvmMs() / Math.max(1, r.created())));
        }
        System.exit(0);
    }

    /** What a request costs without an order: Tomcat alone, then security and MVC, then a real authenticated read. */
    enum Floor {
        NOOP("noop", "/bench/noop", "(servlet filter: Tomcat + load generator)"),
        PING("ping", "/bench/ping", "(authenticated constant: + JWT, revocation check, Spring MVC)"),
        CART("cart", "/api/v1/cart", "(empty cart: + method security, Redis read, JSON)");

        final String option;
        final String path;
        final String label;

        Floor(String option, String path, String label) {
            this.option = option;
            this.path = path;
            this.label = label;
        }
    }

    private static LoadRun.Result floor(BenchStack stack, List<BenchData.Buyer> people, String path, int buyers, long millis) {
        if (nioClient) {
            return NioHttpLoad.run(stack.port, buyers, millis, 200, b -> {
                byte[] request = HttpRequests.get(stack.port, path, people.get(b).token());
                return () -> request;
            });
        }
        return LoadRun.run(buyers, millis, b -> {
            RawHttpClient client = new RawHttpClient(stack.port);
            String token = people.get(b).token();
            return () -> client.get(path, token) == 200 ? 201 : 500;
        });
    }

    enum Path {
        OURS("ours"), NAIVE("naive");

        final String label;

        Path(String label) {
            this.label = label;
        }
    }

    /** Ways of placing one order for one buyer. */
    /**
     * A reconciler run that checked the SKUs: a run that finds the scheduled one holding the lock
     * checks nothing (it reports 0 SKUs), so ask again for up to ten seconds.
     */
    private static StockReconciler.Report reconcile(StockReconciler reconciler) throws InterruptedException {
        StockReconciler.Report report = reconciler.reconcile();
        for (int attempt = 0; attempt < 20 && report.checked() == 0; attempt++) {
            Thread.sleep(500);
            report = reconciler.reconcile();
        }
        return report;
    }

    private static final class Bench {

        private final BenchStack stack;
        private final BenchData data;
        private final List<BenchData.Buyer> buyers;
        private final OrderPlacementService ours;
        private final NaivePlacement naive;

        Bench(BenchStack stack, BenchData data, List<BenchData.Buyer> buyers) {
            this.stack = stack;
            this.data = data;
            this.buyers = buyers;
            this.ours = stack.mallApi.getBean(OrderPlacementService.class);
            this.naive = stack.mallApi.getBean(NaivePlacement.class);
        }

        /** per run: statements the database server received per request (prepared, executed, all) */
        final List<String> statements = new ArrayList<>();

        LoadRun.Result run(String transport, Path path, String scenario, List<Long> skus, int n, long millis) {
            String label = String.format(Locale.ROOT, "%-9s %-5s %s", transport, path.label, scenario);
            System.out.printf(Locale.ROOT, "running %s for %d s...%n", label, millis / 1000);
            Map<String, Long> before = serverStatements();
            LoadRun.Result result = transport.equals("http") ? http(path, skus, n, millis) : inProcess(path, skus, n, millis);
            Map<String, Long> after = serverStatements();
            double requests = Math.max(1, result.created() + result.refused());
            statements.add(String.format(Locale.ROOT, "%-42s %.2f prepared, %.2f executed prepared, %.2f all", label,
                    (after.get("Com_stmt_prepare") - before.get("Com_stmt_prepare")) / requests,
                    (after.get("Com_stmt_execute") - before.get("Com_stmt_execute")) / requests,
                    (after.get("Questions") - before.get("Questions")) / requests));
            return new LoadRun.Result(label, result.created(), result.refused(), result.errors(), result.seconds(),
                    result.p50Millis(), result.p99Millis(), result.maxMillis(), result.cpu());
        }

        private Map<String, Long> serverStatements() {
            Map<String, Long> counts = new HashMap<>();
            stack.mallApi.getBean(JdbcTemplate.class).query("SHOW GLOBAL STATUS WHERE Variable_name IN "
                    + "('Com_stmt_prepare', 'Com_stmt_execute', 'Questions')",
                    rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    });
            return counts;
        }

        LoadRun.Result http(Path path, List<Long> skus, int n, long millis) {
            String endpoint = path == Path.OURS ? "/api/v1/orders" : "/bench/naive/orders";
            if (nioClient) {
                return NioHttpLoad.run(stack.port, n, millis, 201, b -> {
                    String token = buyers.get(b).token();
                    byte[] body = json(skus.get(b % skus.size())).getBytes(StandardCharsets.UTF_8);
                    return () -> HttpRequests.post(stack.port, endpoint, token, key(), body);
                });
            }
            IntFunction<LoadRun.Attempt> attempt = b -> {
                RawHttpClient client = new RawHttpClient(stack.port);
                BenchData.Buyer buyer = buyers.get(b);
                byte[] body = json(skus.get(b % skus.size())).getBytes(StandardCharsets.UTF_8);
                return () -> client.post(endpoint, buyer.token(), key(), body, false).status();
            };
            return LoadRun.run(n, millis, attempt);
        }

        LoadRun.Result inProcess(Path path, List<Long> skus, int n, long millis) {
            IntFunction<LoadRun.Attempt> attempt = b -> {
                BenchData.Buyer buyer = buyers.get(b);
                CurrentUser user = new CurrentUser(buyer.id(), Role.CITIZEN, null, null);
                CreateOrderRequest request = request(skus.get(b % skus.size()));
                return () -> {
                    try {
                        if (path == Path.OURS) {
                            ours.place(user, key(), request);
                        } else {
                            naive.place(user, key(), request);
                        }
                        return 201;
                    } catch (ApiException e) {
                        return e.status().value();
                    }
                };
            };
            return LoadRun.run(n, millis, attempt);
        }
    }

    /** A fresh Idempotency-Key (ThreadLocalRandom: no shared SecureRandom lock in the load generator). */
    private static String key() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    private static String json(long sku) {
        return "{\"items\":[{\"skuId\":" + sku + ",\"quantity\":1}],\"address\":{\"name\":\"张三\",\"phone\":\"13912345678\","
                + "\"provinceCode\":\"44\",\"detail\":\"广州市天河区某路 1 号\"},\"attribution\":{\"liveSessionId\":1}}";
    }

    private static CreateOrderRequest request(long sku) {
        return new CreateOrderRequest(List.of(new OrderItemRequest(sku, 1)),
                new ShippingAddress("张三", "13912345678", "44", "广州市天河区某路 1 号"), new Attribution(null, 1L, null, null), null, null);
    }

    private static void print(List<LoadRun.Result> results, List<String> notes, int buyers, int pool, boolean accessLog,
            StockReconciler.Report report, int tomcatThreads, boolean bothPaths) {
        System.out.printf(Locale.ROOT, "%n=== order placement, %d concurrent buyers, %d cores, heap %d MB, Hikari pool %d, "
                        + "Tomcat threads %d, access log %s, load average at the end %.1f ===%n", buyers,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, pool, tomcatThreads,
                accessLog ? "on" : "off",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-42s %9s %9s %6s %7s %7s %7s  %s%n", "transport path  scenario", "orders/s",
                "refused/s", "errors", "p50 ms", "p99 ms", "max ms", "CPU ms per request: all = jvm + db + redis");
        for (LoadRun.Result r : results) {
            double n = Math.max(1, r.created() + r.refused());
            System.out.printf(Locale.ROOT, "%-42s %9.0f %9.0f %6d %7.1f %7.1f %7.1f  %.2f = %.2f + %.2f + %.2f%n", r.label(),
                    r.createdPerSecond(), r.refused() / r.seconds(), r.errors(), r.p50Millis(), r.p99Millis(), r.maxMillis(),
                    r.cpuMsPerRequest(), r.cpu().jvmMs() / n, r.cpu().dbMs() / n, r.cpu().redisMs() / n);
        }
        System.out.println();
        for (int i = 0; bothPaths && i + 1 < results.size(); i += 2) {
            LoadRun.Result ours = results.get(i);
            LoadRun.Result naive = results.get(i + 1);
            double oursRate = ours.label().contains("flash") ? ours.attemptsPerSecond() : ours.createdPerSecond();
            double naiveRate = naive.label().contains("flash") ? naive.attemptsPerSecond() : naive.createdPerSecond();
            System.out.printf(Locale.ROOT, "ratio ours/naive  %-34s %6.1fx  (%s/s)%n", ours.label().replace(" ours ", " "),
                    oursRate / naiveRate, ours.label().contains("flash") ? "requests" : "orders");
        }
        System.out.println();
        notes.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "stock reconciler after the runs: %d SKUs checked, %d drifting%n", report.checked(),
                report.drifting());
        System.out.println("JVM: " + ManagementFactory.getRuntimeMXBean().getVmName() + " "
                + ManagementFactory.getRuntimeMXBean().getVmVersion());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
