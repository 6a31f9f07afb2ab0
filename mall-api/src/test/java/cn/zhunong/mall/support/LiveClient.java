package cn.zhunong.mall.support;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.json.JSONObject;

/** A live-room viewer or host: socket.io-client-java (protocol v4), every event queued by name, bounded waits. */
public final class LiveClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final Socket socket;
    private final Map<String, BlockingQueue<JSONObject>> events = new ConcurrentHashMap<>();

    private LiveClient(String url, String token) {
        IO.Options options = IO.Options.builder().setForceNew(true).setReconnection(false)
                .setTransports(new String[] {"websocket"})
                .setAuth(token == null ? new HashMap<>() : Map.of("token", token)).build();
        socket = IO.socket(URI.create(url), options);
        socket.onAnyIncoming(args -> {
            Object data = args.length > 1 ? args[1] : null;
            queue(String.valueOf(args[0])).add(data instanceof JSONObject json ? json : new JSONObject());
        });
    }

    public static LiveClient connect(String url, String token) {
        LiveClient client = new LiveClient(url, token);
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        client.socket.once(Socket.EVENT_CONNECT, args -> outcome.complete("connected"));
        client.socket.once(Socket.EVENT_CONNECT_ERROR, args -> outcome.complete(args.length > 0 ? args[0] : "error"));
        client.socket.connect();
        try {
            Object result = outcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!"connected".equals(result)) {
                throw new AssertionError("connect failed: " + result);
            }
        } catch (Exception e) {
            client.close();
            throw new AssertionError("connect failed", e);
        }
        return client;
    }

    public JSONObject request(String event, JSONObject payload) {
        CompletableFuture<JSONObject> answer = new CompletableFuture<>();
        socket.emit(event, new Object[] {payload}, (Ack) args -> answer.complete(
                args.length > 0 && args[0] instanceof JSONObject json ? json : new JSONObject()));
        try {
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no ack for " + event, e);
        }
    }

    public JSONObject join(long sessionId) {
        JSONObject ack = request("join", new JSONObject().put("sessionId", sessionId));
        if (!ack.optBoolean("ok")) {
            throw new AssertionError("join refused: " + ack);
        }
        return ack;
    }

    public JSONObject await(String event) {
        return await(event, e -> true);
    }

    /** The next event of that name matching the predicate (others of that name are skipped). */
    public JSONObject await(String event, Predicate<JSONObject> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                JSONObject next = left <= 0 ? null : queue(event).poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + event + " within " + WAIT);
                }
                if (matching.test(next)) {
                    return next;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private BlockingQueue<JSONObject> queue(String event) {
        return events.computeIfAbsent(event, e -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }
}
