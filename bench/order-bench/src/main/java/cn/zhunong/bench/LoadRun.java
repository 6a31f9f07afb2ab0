package cn.zhunong.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** A closed-loop load: N buyers, each placing orders one after the other until the time is up. */
final class LoadRun {

    /** One buyer's way of placing an order; returns 201 (created), 409 (refused: sold out) or anything else (error). */
    interface Attempt {
        int place() throws Exception;
    }

    record Result(String label, long created, long refused, long errors, double seconds, double p50Millis, double p99Millis,
            double maxMillis, CpuMeter.Sample cpu) {

        /** CPU milliseconds (all processes) per request handled. */
        double cpuMsPerRequest() {
            return cpu.totalMs() / Math.max(1, created + refused);
        }

        double createdPerSecond() {
            return created / seconds;
        }

        double attemptsPerSecond() {
            return (created + refused) / seconds;
        }
    }

    static final boolean TRACE_THREADS = Boolean.getBoolean("bench.threads");

    private LoadRun() {
    }

    static Result run(int buyers, long millis, IntFunction<Attempt> attemptOfBuyer) {
        CountDownLatch ready = new CountDownLatch(buyers);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong created = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong firstError = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[buyers];
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        for (int b = 0; b < buyers; b++) {
            int buyer = b;
            long[] mine = new long[1 << 16];
            latencies.add(mine);
            Attempt attempt = attemptOfBuyer.apply(buyer);
            Thread thread = new Thread(() -> {
                long[] samples = mine;
                int n = 0;
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < deadline[0]) {
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = attempt.place();
                    } catch (Exception e) {
                        status = -1;
                        if (firstError.compareAndSet(0, 1)) {
                            System.out.println("  first error: " + e);
                        }
                    }
                    long took = System.nanoTime() - start;
                    if (status == 201) {
                        created.incrementAndGet();
                    } else if (status == 409) {
                        refused.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                        if (status != -1 && firstError.compareAndSet(0, 1)) {
                            System.out.println("  first unexpected status: " + status);
                        }
                    }
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                        synchronized (latencies) {
                            latencies.set(buyer, samples);
                        }
                    }
                    samples[n++] = took;
                }
                counts[buyer] = n;
            }, "buyer-" + b);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            ready.await();
            CpuMeter.Sample cpuBefore = CpuMeter.sample();
            java.util.Map<String, Double> threadsBefore = TRACE_THREADS ? CpuMeter.byThreadGroup() : null;
            long started = System.nanoTime();
            deadline[0] = started + millis * 1_000_000L;
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            CpuMeter.Sample cpu = CpuMeter.sample().minus(cpuBefore);
            if (TRACE_THREADS) {
                java.util.Map<String, Double> after = CpuMeter.byThreadGroup();
                StringBuilder line = new StringBuilder("  JVM CPU ms by thread group:");
                after.forEach((name, ms) -> {
                    double used = ms - threadsBefore.getOrDefault(name, 0.0);
                    if (used >= 100) {
                        line.append(String.format(java.util.Locale.ROOT, " [%s %.0f]", name, used));
                    }
                });
                System.out.println(line);
            }
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int at = 0;
            for (int b = 0; b < buyers; b++) {
                System.arraycopy(latencies.get(b), 0, all, at, counts[b]);
                at += counts[b];
            }
            return result(created.get(), refused.get(), errors.get(), seconds, all, cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A run's figures from its counts and every request's latency in nanoseconds (sorted here). */
    static Result result(long created, long refused, long errors, double seconds, long[] latencies, CpuMeter.Sample cpu) {
        Arrays.sort(latencies);
        return new Result("", created, refused, errors, seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, cpu);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
