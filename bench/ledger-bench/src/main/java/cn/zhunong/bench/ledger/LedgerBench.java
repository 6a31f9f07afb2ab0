package cn.zhunong.bench.ledger;

import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.mall.MallApiApplication;
import cn.zhunong.mall.ledger.LedgerService;
import cn.zhunong.mall.ledger.PaidLine;
import cn.zhunong.mall.ledger.PaidOrder;
import cn.zhunong.mall.ledger.reconcile.LedgerReconciler;
import cn.zhunong.mall.ledger.reconcile.LedgerVerifier;
import cn.zhunong.mall.ledger.reconcile.ReconciliationReport;
import cn.zhunong.mall.ledger.reconcile.VerificationReport;
import cn.zhunong.mall.ledger.report.StatementService;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Boots the embedded MariaDB/Redis and the mall-api context in this JVM, creates 100,000
 * households with source lots, posts paid orders through {@link LedgerService#onOrdersPaid}
 * until 1,000,000 allocations exist, then runs the full verification and reconciliation and
 * measures per-household statement latency. Prints the figures; nothing is faked or sampled.
 *
 * <p>Options: {@code --allocations=N --households=N --batch=N --statements=N}.
 */
public final class LedgerBench {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1)));
        long targetAllocations = Long.parseLong(options.getOrDefault("allocations", "1000000"));
        int households = Integer.parseInt(options.getOrDefault("households", "100000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1000"));
        int statements = Integer.parseInt(options.getOrDefault("statements", "2000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));

        System.out.printf("ledger-bench: %,d allocations, %,d households, %d orders per transaction, %d posting threads; "
                + "%d cores, max heap %d MB%n", targetAllocations, households, batch, threads, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
        EmbeddedInfra infra = EmbeddedInfra.start(Files.createTempDirectory("ledger-bench"), "ledger_bench");
        ConfigurableApplicationContext context = null;
        try {
            // command-line arguments: they override mall-api.yml's environment placeholders
            context = new SpringApplicationBuilder(MallApiApplication.class).properties(MallApiApplication.CONFIG_NAME).run(
                    "--spring.datasource.url=" + infra.jdbcUrl(),
                    "--spring.datasource.username=" + infra.dbUser(),
                    "--spring.datasource.password=" + infra.dbPassword(),
                    "--spring.data.redis.host=127.0.0.1",
                    "--spring.data.redis.port=" + infra.redisPort(),
                    "--server.port=0",
                    "--zhunong.security.jwt-secret=bench-secret-bench-secret-bench-secret-0123456789",
                    "--zhunong.pii.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                    "--zhunong.pii.hash-key=ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=",
                    "--zhunong.ledger.release-interval=PT1000H",
                    "--logging.level.root=WARN");
            run(context, targetAllocations, households, batch, statements, threads);
        } finally {
            if (context != null) {
                context.close();
            }
            infra.close();
        }
    }

    private static void run(ConfigurableApplicationContext context, long targetAllocations, int householdCount, int batch,
            int statementCount, int threads) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        LedgerService ledger = context.getBean(LedgerService.class);
        // the embedded server starts with a 256 MB buffer pool; give the 1M-allocation data set room
        jdbc.execute("SET GLOBAL innodb_buffer_pool_size = 2147483648");
        System.out.println("MariaDB " + jdbc.queryForObject("SELECT VERSION()", String.class) + ", buffer pool "
                + jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) / 1024 / 1024 + " MB, "
                + "flush_log_at_trx_commit=" + jdbc.queryForObject("SELECT @@innodb_flush_log_at_trx_commit", Integer.class));

        calibrate(jdbc);
        long t0 = System.nanoTime();
        World world = World.create(jdbc, householdCount);
        System.out.printf("fixtures: %,d households in %d villages, %,d SKUs, %,d source lots (%.1f s)%n", householdCount,
                world.villages.length, world.skuCount(), world.lots, seconds(System.nanoTime() - t0));

        // each thread posts the orders of its own villages (like several outbox consumers partitioned by
        // seller), so threads never compete for the same source lots; they share the chain head
        AtomicLong ids = new AtomicLong(1_000_000);
        AtomicLong allocationsPosted = new AtomicLong();
        AtomicLong ordersPosted = new AtomicLong();
        Instant now = Instant.now();
        Map<String, Long> statementsBefore = statementCounters(jdbc);
        long postStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int worker = t;
            workers.add(pool.submit(() -> {
                Random random = new Random(42 + worker);
                long nextReport = 100_000;
                while (allocationsPosted.get() < targetAllocations) {
                    List<PaidOrder> paid = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) {
                        paid.add(world.order(random, ids, now, worker, threads));
                    }
                    ordersPosted.addAndGet(ledger.onOrdersPaid(paid));
                    long[] orderIds = paid.stream().mapToLong(PaidOrder::orderId).toArray();
                    long done = allocationsPosted.addAndGet(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_allocation "
                            + "WHERE order_id IN (" + String.join(",", Arrays.stream(orderIds).mapToObj(Long::toString).toList())
                            + ")", Long.class));
                    if (worker == 0 && done >= nextReport) {
                        System.out.printf("  %,d allocations, %,d orders, %.0f s%n", done, ordersPosted.get(),
                                seconds(System.nanoTime() - postStart));
                        nextReport = done + 100_000;
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        long postingNanos = System.nanoTime() - postStart;
        long allocations = allocationsPosted.get();
        long orders = ordersPosted.get();
        long postings = jdbc.queryForObject("SELECT COUNT(*) FROM posting", Long.class);
        long entries = jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
        double postSeconds = seconds(postingNanos);
        System.out.printf("posted: %,d orders, %,d journal entries, %,d postings, %,d allocations in %.1f s (wall clock, "
                + "including the allocation counting of each batch)%n",
                orders, entries, postings, allocations, postSeconds);
        Map<String, Long> statementsAfter = statementCounters(jdbc);
        System.out.printf("server statements while posting, per order: %.2f prepared, %.2f executed, %.2f plain queries%n",
                statementDelta(statementsBefore, statementsAfter, "Com_stmt_prepare", orders),
                statementDelta(statementsBefore, statementsAfter, "Com_stmt_execute", orders),
                statementDelta(statementsBefore, statementsAfter, "Questions", orders)
                        - statementDelta(statementsBefore, statementsAfter, "Com_stmt_execute", orders));
        System.out.printf("RESULT postings_per_second=%.0f (allocations/s %.0f, orders/s %.0f)%n",
                postings / postSeconds, allocations / postSeconds, orders / postSeconds);

        long rs = System.nanoTime();
        ReconciliationReport reconciliation = context.getBean(LedgerReconciler.class).reconcile();
        double reconcileSeconds = seconds(System.nanoTime() - rs);
        System.out.printf("RESULT reconciliation_seconds=%.1f (problems %d; allocated %,d fen = household credits %,d fen; "
                + "paid %,d fen = clearing %,d fen)%n", reconcileSeconds, reconciliation.problemCount(),
                reconciliation.totals().allocatedFen(), reconciliation.totals().householdCreditsFen(),
                reconciliation.totals().paidFen() - reconciliation.totals().refundedFen(),
                reconciliation.totals().clearingDebitsFen() - reconciliation.totals().clearingCreditsFen());
        long vs = System.nanoTime();
        VerificationReport verification = context.getBean(LedgerVerifier.class).verify();
        double verifySeconds = seconds(System.nanoTime() - vs);
        System.out.printf("RESULT verification_seconds=%.1f (hash chain of %,d entries, %,d postings, %,d account balances; "
                + "problems %d)%n", verifySeconds, verification.entriesChecked(), verification.postingsChecked(),
                verification.accountsChecked(), verification.problemCount());

        StatementService statements = context.getBean(StatementService.class);
        Random random = new Random(4242);
        LocalDate to = LocalDate.ofInstant(now, CHINA);
        LocalDate from = to.minusDays(30);
        for (int i = 0; i < 200; i++) {
            statements.statement(world.households[random.nextInt(world.households.length)], from, to);
        }
        long[] nanos = new long[statementCount];
        long lines = 0;
        for (int i = 0; i < statementCount; i++) {
            long household = world.households[random.nextInt(world.households.length)];
            long start = System.nanoTime();
            lines += statements.statement(household, from, to).lines().size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("buffer pool at the end: %d MB; load average now %.1f%n",
                jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) / 1024 / 1024,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("RESULT statement_p50_ms=%.2f statement_p99_ms=%.2f (max %.2f ms; %d statements of random "
                + "households, %.1f lines each on average, 31-day period)%n", millis(percentile(nanos, 50)),
                millis(percentile(nanos, 99)), millis(nanos[nanos.length - 1]), statementCount, (double) lines / statementCount);
    }

    /**
     * How fast this machine, right now, inserts plain rows shaped like postings (multi-row INSERT,
     * 5,000 rows per statement): the ceiling for the journal, shown so the figures can be read
     * against the machine's load.
     */
    private static void calibrate(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE bench_calibration (entry_id BIGINT NOT NULL, line_no SMALLINT NOT NULL, "
                + "account_id BIGINT NOT NULL, debit_fen BIGINT NOT NULL, credit_fen BIGINT NOT NULL, "
                + "PRIMARY KEY (entry_id, line_no), KEY idx_account (account_id, entry_id)) ENGINE=InnoDB");
        Random random = new Random(1);
        long start = System.nanoTime();
        int total = 200_000;
        for (int from = 0; from < total; from += 5_000) {
            List<Object[]> rows = new ArrayList<>(5_000);
            for (int i = from; i < from + 5_000; i++) {
                rows.add(new Object[] {i / 4, i % 4, random.nextInt(300_000), i % 2 == 0 ? 100 : 0, i % 2 == 0 ? 0 : 100});
            }
            jdbc.batchUpdate("INSERT INTO bench_calibration VALUES (?, ?, ?, ?, ?)", rows);
        }
        double seconds = seconds(System.nanoTime() - start);
        jdbc.execute("DROP TABLE bench_calibration");
        System.out.printf("calibration: plain multi-row INSERT of %,d posting-shaped rows: %.0f rows/s; load average now %.1f%n",
                total, total / seconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Agencies, villages, households, one product per village with ten SKUs, one lot per household. */
    static final class World {

        static final int HOUSEHOLDS_PER_VILLAGE = 1_000;
        static final int SKUS_PER_VILLAGE = 10;
        static final int UNITS_PER_LOT = 20;

        final long agency;
        final long[] villages;
        final long[][] skusByVillage;
        final long[] households;
        long lots;

        private World(long agency, long[] villages, long[][] skusByVillage, long[] households) {
            this.agency = agency;
            this.villages = villages;
            this.skusByVillage = skusByVillage;
            this.households = households;
        }

        int skuCount() {
            return villages.length * SKUS_PER_VILLAGE;
        }

        static World create(JdbcTemplate jdbc, int householdCount) {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("INSERT INTO agency (name, type, credit_code, region_code, created_at, updated_at) "
                    + "VALUES ('压测社工站', 'SOCIAL_WORK_STATION', '524401060000000017', '440106', ?, ?)", now, now);
            long agency = jdbc.queryForObject("SELECT MAX(id) FROM agency", Long.class);
            int villageCount = Math.max(1, householdCount / HOUSEHOLDS_PER_VILLAGE);
            List<Object[]> rows = new ArrayList<>();
            for (int v = 0; v < villageCount; v++) {
                rows.add(new Object[] {agency, "压测村" + v, String.format("440106%06d", v), now, now});
            }
            jdbc.batchUpdate("INSERT INTO village (agency_id, name, division_code, county_code, county_name, created_at, "
                    + "updated_at) VALUES (?, ?, ?, '440106', '天河区', ?, ?)", rows);
            long[] villages = jdbc.queryForList("SELECT id FROM village ORDER BY id", Long.class).stream()
                    .mapToLong(Long::longValue).toArray();

            Random random = new Random(7);
            for (int from = 0; from < householdCount; from += 5_000) {
                rows.clear();
                for (int h = from; h < Math.min(householdCount, from + 5_000); h++) {
                    byte[] hash = new byte[32];
                    random.nextBytes(hash);
                    rows.add(new Object[] {villages[h % villageCount], "户主" + h, new byte[] {1}, hash, h % 3 == 0,
                            h % 3 == 0 ? "压测村 户" + h : null, now, now});
                }
                jdbc.batchUpdate("INSERT INTO household (village_id, head_name, category, member_count, id_number_enc, "
                        + "id_number_hash, id_number_masked, bank_account_masked, consent_public, public_alias, created_at, "
                        + "updated_at) VALUES (?, ?, 'LIFTED_OUT', 3, ?, ?, '4401**********0000', '6222***********0000', ?, ?, ?, ?)",
                        rows);
            }
            long[] households = jdbc.queryForList("SELECT id FROM household ORDER BY id", Long.class).stream()
                    .mapToLong(Long::longValue).toArray();

            long[][] skus = new long[villageCount][SKUS_PER_VILLAGE];
            for (int v = 0; v < villageCount; v++) {
                jdbc.update("INSERT INTO product (agency_id, village_id, name, status, created_at, updated_at) "
                        + "VALUES (?, ?, ?, 'ON_SALE', ?, ?)", agency, villages[v], "压测农产品" + v, now, now);
                long product = jdbc.queryForObject("SELECT MAX(id) FROM product", Long.class);
                rows.clear();
                for (int s = 0; s < SKUS_PER_VILLAGE; s++) {
                    rows.add(new Object[] {product, "规格" + s, 1_000L * (s + 1), now, now});
                }
                jdbc.batchUpdate("INSERT INTO sku (product_id, spec, unit, report_milli_units, price_fen, stock, created_at, "
                        + "updated_at) VALUES (?, ?, 'BOX', ?, 5000, 1000000, ?, ?)", rows);
                List<Long> ids = jdbc.queryForList("SELECT id FROM sku WHERE product_id = ? ORDER BY id", Long.class, product);
                for (int s = 0; s < SKUS_PER_VILLAGE; s++) {
                    skus[v][s] = ids.get(s);
                }
            }
            World world = new World(agency, villages, skus, households);
            // each household supplied one lot of one SKU of its village: half at 收购价, half for an income share
            LocalDate day = LocalDate.now().minusDays(60);
            for (int from = 0; from < households.length; from += 5_000) {
                rows.clear();
                for (int h = from; h < Math.min(households.length, from + 5_000); h++) {
                    int village = h % villageCount;
                    long sku = skus[village][(h / villageCount) % SKUS_PER_VILLAGE];
                    boolean price = h % 2 == 0;
                    rows.add(new Object[] {sku, households[h], UNITS_PER_LOT, price ? 1_500L + h % 7 * 100 : null,
                            price ? null : 3_000 + h % 5 * 1_000, day.plusDays(h % 30), now});
                }
                jdbc.batchUpdate("INSERT INTO source_lot (sku_id, household_id, units_supplied, purchase_price_fen, "
                        + "income_share_bp, received_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
                world.lots += rows.size();
            }
            return world;
        }

        /** An order of two lines of one village's produce, paid at some time in the last 30 days. */
        PaidOrder order(Random random, AtomicLong ids, Instant now, int worker, int workers) {
            int share = Math.max(1, villages.length / workers);
            int village = Math.min(villages.length - 1, worker * share + random.nextInt(share));
            long orderId = ids.incrementAndGet();
            List<PaidLine> lines = new ArrayList<>(2);
            int first = random.nextInt(SKUS_PER_VILLAGE);
            int second = (first + 1 + random.nextInt(SKUS_PER_VILLAGE - 1)) % SKUS_PER_VILLAGE;
            for (int sku : new int[] {first, second}) {
                int quantity = 1 + random.nextInt(3);
                lines.add(new PaidLine(ids.incrementAndGet(), skusByVillage[village][sku], quantity,
                        quantity * (4_000L + random.nextInt(2_000)), null));
            }
            Instant paidAt = now.minus(Duration.ofSeconds(random.nextInt((int) TimeUnit.DAYS.toSeconds(30))));
            return new PaidOrder(orderId, agency, random.nextInt(10) == 0 ? 1L + random.nextInt(5) : null, paidAt, lines,
                    100_000L + random.nextInt(50_000));
        }
    }

    /** Server-wide statement counters: how often statements were prepared, executed, or sent as text. */
    private static Map<String, Long> statementCounters(JdbcTemplate jdbc) {
        Map<String, Long> counters = new HashMap<>();
        jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_stmt_prepare', 'Com_stmt_execute', 'Questions')",
                (RowCallbackHandler) rs -> counters.put(rs.getString(1), rs.getLong(2)));
        return counters;
    }

    private static double statementDelta(Map<String, Long> before, Map<String, Long> after, String name, long orders) {
        return (after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L)) / (double) Math.max(1, orders);
    }
}
