package cn.zhunong.live.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * Runs a script of src/test/js with Node (the official socket.io JavaScript client from npm).
 * Installs the locked dependencies with {@code npm ci} when node_modules is missing. Node 18+ and
 * npm must be installed: a missing one fails the test with a message saying so.
 */
public final class NodeScript {

    private static final Path DIR = Path.of("src", "test", "js").toAbsolutePath();

    private NodeScript() {
    }

    /** Runs the script with the given environment and returns its last output line as JSON. */
    public static JSONObject run(String script, Map<String, String> env, Duration timeout) {
        ensureDependencies();
        ProcessResult result = exec(List.of("node", script), env, timeout);
        String[] lines = result.output().strip().split("\\R");
        String last = lines[lines.length - 1];
        if (!last.startsWith("{")) {
            throw new AssertionError("node " + script + " printed no JSON (exit " + result.exit() + "):\n" + result.output());
        }
        return new JSONObject(last);
    }

    private static synchronized void ensureDependencies() {
        if (Files.isDirectory(DIR.resolve("node_modules").resolve("socket.io-client"))) {
            return;
        }
        ProcessResult install = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(3));
        if (install.exit() != 0) {
            throw new AssertionError("npm ci failed in " + DIR + " (exit " + install.exit() + "):\n" + install.output());
        }
    }

    private static ProcessResult exec(List<String> command, Map<String, String> env, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("'" + command.get(0) + "' is not installed: the JavaScript client tests need Node.js 18+ "
                    + "and npm on the PATH (Debian: apt-get install nodejs npm)", e);
        }
        try {
            // the output is small: read it fully, then wait (the process ends or is killed at the deadline)
            byte[][] out = new byte[1][];
            Thread pump = new Thread(() -> {
                try {
                    out[0] = process.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            }, "node-output");
            pump.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                pump.join(5000);
                throw new AssertionError(command + " timed out after " + timeout + ":\n"
                        + (out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8)));
            }
            pump.join(5000);
            return new ProcessResult(process.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError(e);
        }
    }

    private record ProcessResult(int exit, String output) {
    }
}
