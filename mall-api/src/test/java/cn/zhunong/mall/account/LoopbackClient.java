package cn.zhunong.mall.account;

import cn.zhunong.mall.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends HTTP/1.0 requests from a chosen loopback address (127.x.y.z), so the server sees a
 * distinct client IP. Login throttling counts failures per address: tests that fail logins on
 * purpose use their own address and never lock 127.0.0.1, which every other test uses.
 * Also exposes response headers (Retry-After), which {@link Api} does not.
 */
final class LoopbackClient {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private final int port;
    private final String sourceAddress;

    private LoopbackClient(int port, String sourceAddress) {
        this.port = port;
        this.sourceAddress = sourceAddress;
    }

    /** A client with a loopback address no other client in this JVM uses. */
    static LoopbackClient fresh(int port) {
        int n = NEXT.getAndIncrement();
        return new LoopbackClient(port, "127.10." + (n / 250 % 250 + 1) + "." + (n % 250 + 1));
    }

    String address() {
        return sourceAddress;
    }

    Reply post(String path, Object body) {
        return post(path, null, body);
    }

    Reply post(String path, String token, Object body) {
        byte[] content = (body instanceof String s ? s : Api.JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String auth = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
            out.write(("POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n" + auth
                    + "Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply login(String login, String password) {
        return post("/api/v1/auth/login", Map.of("login", login, "password", password));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }

    private static Reply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(split + 4);
        return new Reply(new Api.Response(status, body, headers.getOrDefault("content-type", "")), headers);
    }

    record Reply(Api.Response response, Map<String, String> headers) {

        int status() {
            return response.status();
        }

        String code() {
            return response.code();
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
