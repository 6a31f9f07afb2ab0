package cn.zhunong.live.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.json.JSONObject;

/**
 * A bare engine.io v4 WebSocket connection written by hand, for what real clients never do:
 * send malformed or oversized frames, or stop reading (a tiny receive buffer makes it "slow").
 */
public final class RawSocketIo implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String sid;

    private RawSocketIo(Socket socket, String pollingSid) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        String sidParameter = pollingSid == null ? "" : "&sid=" + pollingSid;
        out.write(("GET /socket.io/?EIO=4&transport=websocket" + sidParameter + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String headers = readHeaders();
        if (!headers.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + headers);
        }
        if (pollingSid != null) {
            this.sid = pollingSid;
            return;
        }
        String open = readText();
        if (!open.startsWith("0{")) {
            throw new IOException("no engine.io open packet: " + open);
        }
        this.sid = new JSONObject(open.substring(1)).getString("sid");
    }

    /**
     * What a browser does when a message crosses its transport upgrade: open with long-polling,
     * start the WebSocket probe, send {@code connectPacket} over polling while the probe is
     * pending, then finish the upgrade. Returns the first socket.io packet that arrives after it.
     */
    public static String connectDuringUpgrade(int port, String connectPacket) {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling";
        try {
            String sid = openPolling(http, base);
            try (RawSocketIo upgrading = probe(port, sid)) {
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "&sid=" + sid))
                        .POST(BodyPublishers.ofString(connectPacket)).build(), BodyHandlers.ofString());
                if (posted.statusCode() != 200) {
                    throw new AssertionError("polling POST refused: " + posted.statusCode());
                }
                upgrading.sendText("5");
                return upgrading.readUntil("4");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The upgrade race of a real client: the server's noop for the probe overtakes the "3probe", so
     * the client consumes it with a poll, then pauses polling and waits for one more poll to end
     * before it sends the upgrade packet. Returns what that last poll got, or throws when it got
     * nothing within {@code pollTimeout}; then completes the upgrade and returns the ack of a join.
     */
    public static String[] upgradeAfterAnOvertakingNoop(int port, long sessionId, Duration pollTimeout) {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling";
        try {
            String sid = openPolling(http, base);
            URI polling = URI.create(base + "&sid=" + sid);
            http.send(HttpRequest.newBuilder(polling).POST(BodyPublishers.ofString("40")).build(), BodyHandlers.ofString());
            String connected = http.send(HttpRequest.newBuilder(polling).build(), BodyHandlers.ofString()).body();
            if (!connected.startsWith("40")) {
                throw new AssertionError("no CONNECT answer: " + connected);
            }
            try (RawSocketIo upgrading = probe(port, sid)) {
                String overtakingNoop = http.send(HttpRequest.newBuilder(polling).build(), BodyHandlers.ofString()).body();
                if (!overtakingNoop.equals("6")) {
                    throw new AssertionError("expected the probe's noop, got: " + overtakingNoop);
                }
                String lastPoll = http.send(HttpRequest.newBuilder(polling).timeout(pollTimeout).build(),
                        BodyHandlers.ofString()).body();
                upgrading.sendText("5");
                return new String[] {lastPoll, upgrading.join(sessionId)};
            }
        } catch (HttpTimeoutException e) {
            throw new AssertionError("the poll the paused client waits for never ended", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The engine.io handshake over long-polling; returns the session id. */
    private static String openPolling(HttpClient http, String base) throws IOException, InterruptedException {
        String open = http.send(HttpRequest.newBuilder(URI.create(base)).build(), BodyHandlers.ofString()).body();
        return new JSONObject(open.substring(open.indexOf('{'))).getString("sid");
    }

    /** Opens the WebSocket of a polling session and probes it ("2probe" answered by "3probe"). */
    private static RawSocketIo probe(int port, String sid) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        RawSocketIo upgrading = new RawSocketIo(socket, sid);
        upgrading.sendText("2probe");
        upgrading.readUntil("3probe");
        return upgrading;
    }

    /** Connects, opens the default namespace anonymously and waits for the CONNECT answer. */
    public static RawSocketIo connect(int port, int receiveBufferBytes) {
        try {
            Socket socket = new Socket();
            if (receiveBufferBytes > 0) {
                socket.setReceiveBufferSize(receiveBufferBytes);
            }
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            RawSocketIo client = new RawSocketIo(socket, null);
            client.sendText("40");
            client.readUntil("40");
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine.io session id, which is also the socket.io client's session id on the server. */
    public String sid() {
        return sid;
    }

    /** Emits {@code join} with ack id 1 and waits for the ack. */
    public String join(long sessionId) {
        sendText("421[\"join\",{\"sessionId\":" + sessionId + "}]");
        return readUntil("431");
    }

    public void sendText(String text) {
        sendFrame(text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendFrame(byte[] payload) {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
            frame.write(0x81); // FIN, text
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else if (payload.length < 65536) {
                frame.write(0x80 | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xff);
            } else {
                frame.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >>> shift) & 0xff);
                }
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads frames until one starts with the prefix (answering pings) and returns it. */
    public String readUntil(String prefix) {
        while (true) {
            String text = readText();
            if (text == null) {
                throw new AssertionError("connection closed while waiting for " + prefix);
            }
            if (text.equals("2")) {
                sendText("3");
            } else if (text.startsWith(prefix)) {
                return text;
            }
        }
    }

    /** True when the server closes the connection within the read timeout (frames before it are skipped). */
    public boolean closedByServer() {
        try {
            while (readText() != null) {
                // skip until the close frame or the end of the stream
            }
            return true;
        } catch (UncheckedIOException e) {
            return e.getCause() instanceof SocketException || e.getCause() instanceof EOFException;
        }
    }

    /** The next text frame, or null on a close frame. */
    private String readText() {
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = first & 0x0f;
                if (opcode == 0x8) {
                    return null;
                }
                if (opcode == 0x1) {
                    return new String(payload, StandardCharsets.UTF_8);
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing received within the read timeout", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed during handshake");
            }
            headers.append((char) b);
        }
        return headers.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
