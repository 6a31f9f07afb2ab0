package cn.zhunong.live.support;

import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.live.LiveRoomApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A second live-room node in its own JVM (same classpath, same Redis and database), as behind a
 * load balancer in production. Its output goes to target/&lt;nodeId&gt;.log.
 */
public final class SecondNode implements AutoCloseable {

    private final Process process;
    private final int socketPort;
    private final Path log;

    private SecondNode(Process process, int socketPort, Path log) {
        this.process = process;
        this.socketPort = socketPort;
        this.log = log;
    }

    public static SecondNode start(String nodeId) {
        EmbeddedInfra infra = LiveTestInfra.get();
        int socketPort = freePort();
        int httpPort = freePort();
        Path log = Path.of("target", nodeId + ".log").toAbsolutePath();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                LiveRoomApplication.class.getName(),
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + infra.redisPort(),
                "--spring.datasource.url=" + infra.jdbcUrl(),
                "--spring.datasource.username=" + infra.dbUser(),
                "--spring.datasource.password=" + infra.dbPassword(),
                "--zhunong.security.jwt-secret=" + LiveTestInfra.JWT_SECRET,
                "--zhunong.live.socketio.host=127.0.0.1",
                "--zhunong.live.socketio.port=" + socketPort,
                "--server.port=" + httpPort,
                "--zhunong.live.node.id=" + nodeId,
                "--zhunong.live.node.heartbeat=1s",
                "--zhunong.live.node.ttl=3s");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SecondNode node = new SecondNode(process, socketPort, log);
            node.awaitReady(httpPort);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(int httpPort) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            Awaitility.await("second node ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("second node exited:\n" + tail());
                        }
                        try {
                            return http.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("second node did not become ready:\n" + tail(), e);
        }
    }

    public String socketUrl() {
        return "http://127.0.0.1:" + socketPort;
    }

    /** Like a crash: no shutdown hooks, no goodbye to Redis. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
