package cn.zhunong.live.support;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.json.JSONObject;

/**
 * socket.io-client-java (the official Java client, protocol v4) with blocking helpers for tests:
 * every incoming event is queued by name, acks are futures, waits have deadlines.
 */
public final class JavaClient implements AutoCloseable {

    // waits end as soon as the answer comes; the bound only has to survive a loaded 2-core CI machine
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final Socket socket;
    private final Map<String, BlockingQueue<JSONObject>> events = new ConcurrentHashMap<>();
    private final List<String> names = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger chatMessages = new java.util.concurrent.atomic.AtomicInteger();
    private final CompletableFuture<Object> connectOutcome = new CompletableFuture<>();
    private final CompletableFuture<Object> disconnected = new CompletableFuture<>();

    private JavaClient(String url, String token, boolean websocketOnly) {
        this(url, token, websocketOnly ? new String[] {"websocket"} : new String[] {"polling", "websocket"});
    }

    private JavaClient(String url, String token, String[] transports) {
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(transports)
                .setAuth(token == null ? new HashMap<>() : Map.of("token", token))
                .build();
        this.socket = IO.socket(URI.create(url), options);
        socket.on(Socket.EVENT_CONNECT, args -> connectOutcome.complete("connected"));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connectOutcome.complete(args.length > 0 ? args[0] : "error"));
        socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(args.length > 0 ? args[0] : "closed"));
        socket.onAnyIncoming(args -> {
            String name = String.valueOf(args[0]);
            names.add(name);
            Object data = args.length > 1 ? args[1] : null;
            if ("chat".equals(name) && data instanceof JSONObject batch && batch.has("messages")) {
                chatMessages.addAndGet(batch.getJSONArray("messages").length());
            }
            queue(name).add(data instanceof JSONObject json ? json : new JSONObject().put("value", String.valueOf(data)));
        });
        socket.connect();
    }

    /** Connects (token null = anonymous) and waits until the server accepted. */
    public static JavaClient connect(String url, String token) {
        return connect(url, token, false);
    }

    public static JavaClient connect(String url, String token, boolean websocketOnly) {
        JavaClient client = new JavaClient(url, token, websocketOnly);
        Object outcome = client.connectOutcome();
        if (!"connected".equals(outcome)) {
            client.close();
            throw new AssertionError("connect failed: " + outcome);
        }
        return client;
    }

    /** Connects with HTTP long-polling only (no WebSocket upgrade). */
    public static JavaClient connectPolling(String url, String token) {
        JavaClient client = new JavaClient(url, token, new String[] {"polling"});
        Object outcome = client.connectOutcome();
        if (!"connected".equals(outcome)) {
            client.close();
            throw new AssertionError("connect failed: " + outcome);
        }
        return client;
    }

    /** Connects and returns what connect_error carried (the server refused). */
    public static Object refused(String url, String token) {
        JavaClient client = new JavaClient(url, token, false);
        try {
            Object outcome = client.connectOutcome();
            if ("connected".equals(outcome)) {
                throw new AssertionError("expected connect_error");
            }
            return outcome;
        } finally {
            client.close();
        }
    }

    private Object connectOutcome() {
        try {
            return connectOutcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no connect outcome", e);
        }
    }

    /** Emits with an ack callback and returns the server's ack body. */
    public JSONObject request(String event, JSONObject payload) {
        CompletableFuture<JSONObject> answer = new CompletableFuture<>();
        socket.emit(event, new Object[] {payload}, (Ack) args -> answer.complete(args.length > 0 && args[0] instanceof JSONObject json
                ? json : new JSONObject().put("raw", args.length > 0 ? String.valueOf(args[0]) : "")));
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

    public JSONObject chat(long sessionId, String text) {
        return request("chat", new JSONObject().put("sessionId", sessionId).put("text", text));
    }

    /** Emits without an ack (refusals then arrive as "rejected" events). */
    public void emit(String event, Object... args) {
        socket.emit(event, args);
    }

    /** Waits for the next event of that name matching the predicate (others of that name are skipped). */
    public JSONObject await(String event, Predicate<JSONObject> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        BlockingQueue<JSONObject> queue = queue(event);
        while (true) {
            long left = deadline - System.nanoTime();
            JSONObject next;
            try {
                next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (next == null) {
                throw new AssertionError("no matching '" + event + "' within " + WAIT + "; events seen: " + names);
            }
            if (matching.test(next)) {
                return next;
            }
        }
    }

    public JSONObject await(String event) {
        return await(event, e -> true);
    }

    /** Waits for a chat batch holding a message with that text; returns the message. */
    public JSONObject awaitChat(String text) {
        List<JSONObject> found = new ArrayList<>();
        await("chat", batch -> {
            var messages = batch.getJSONArray("messages");
            for (int i = 0; i < messages.length(); i++) {
                if (text.equals(messages.getJSONObject(i).getString("text"))) {
                    found.add(messages.getJSONObject(i));
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    /** Events received so far with that name (not consumed by await). */
    public List<String> names() {
        return names;
    }

    /** Chat messages received so far, over all chat batches. */
    public int chatMessagesReceived() {
        return chatMessages.get();
    }

    public int count(String event) {
        return (int) names.stream().filter(event::equals).count();
    }

    public Object awaitDisconnect() {
        try {
            return disconnected.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("still connected", e);
        }
    }

    public boolean connected() {
        return socket.connected();
    }

    private BlockingQueue<JSONObject> queue(String event) {
        return events.computeIfAbsent(event, e -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        socket.close();
    }
}
