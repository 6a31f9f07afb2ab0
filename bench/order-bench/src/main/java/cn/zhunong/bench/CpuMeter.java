package cn.zhunong.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time used by this JVM (server + load generator) and by the embedded MariaDB and Redis
 * (child processes), so a run can say how many CPU milliseconds one order costs — a figure that
 * stays meaningful when other work shares the machine.
 */
final class CpuMeter {

    private static final double TICK_MS = 10.0; // USER_HZ = 100 on Linux

    record Sample(double jvmMs, double dbMs, double redisMs) {

        Sample minus(Sample before) {
            return new Sample(jvmMs - before.jvmMs, dbMs - before.dbMs, redisMs - before.redisMs);
        }

        double totalMs() {
            return jvmMs + dbMs + redisMs;
        }
    }

    private CpuMeter() {
    }

    static Sample sample() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
        double db = 0;
        double redis = 0;
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            String command = child.info().command().orElse("");
            if (command.contains("mariadbd") || command.contains("mysqld")) {
                db += cpuMs(child.pid());
            } else if (command.contains("redis")) {
                redis += cpuMs(child.pid());
            }
        }
        return new Sample(jvm, db, redis);
    }

    /** CPU ms per thread group of this JVM (by thread name without its number), from /proc. */
    static java.util.Map<String, Double> byThreadGroup() {
        java.util.Map<String, Double> groups = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
                    groups.merge(name, Long.parseLong(fields.get(11)) * TICK_MS, Double::sum);
                    groups.merge(name + " (sys)", Long.parseLong(fields.get(12)) * TICK_MS, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return groups;
        }
        return groups;
    }

    private static double cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            // fields after the command: state(0) ... utime(11) stime(12)
            return (Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12))) * TICK_MS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
