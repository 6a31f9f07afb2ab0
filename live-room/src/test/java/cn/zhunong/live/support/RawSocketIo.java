package cn.zhunong.live.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
        try {
            Polling polling = Polling.open(port);
            try (RawSocketIo upgrading = probe(port, polling.sid)) {
                polling.post(connectPacket);
                upgrading.sendText("5");
                return upgrading.readUntil("4");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The upgrade race of a real client: the server's noop for the probe overtakes the "3probe", so
     * the client consumes it with a poll, then pauses polling and waits for one more poll to end
     * before it sends the upgrade packet. Returns what that last poll got, or throws when it got
     * nothing within {@code pollTimeout}; then completes the upgrade and returns the ack of a join.
     */
    public static String[] upgradeAfterAnOvertakingNoop(int port, long sessionId, Duration pollTimeout) {
        try {
            Polling polling = Polling.open(port);
            polling.post("40");
            String connected = polling.poll(Duration.ofSeconds(10));
            if (!connected.startsWith("40")) {
                throw new AssertionError("no CONNECT answer: " + connected);
            }
            try (RawSocketIo upgrading = probe(port, polling.sid)) {
                String overtakingNoop = polling.poll(Duration.ofSeconds(10));
                if (!overtakingNoop.equals("6")) {
                    throw new AssertionError("expected the probe's noop, got: " + overtakingNoop);
                }
                String lastPoll;
                try {
                    lastPoll = polling.poll(pollTimeout);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the poll the paused client waits for never ended", e);
                }
                upgrading.sendText("5");
                return new String[] {lastPoll, upgrading.join(sessionId)};
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An engine.io long-polling session, one raw HTTP/1.1 request per connection: netty-socketio
     * closes each polling connection after its response without saying so, and a pooling client
     * (java.net.http) then sometimes sends the next request down the closed one.
     */
    private record Polling(int port, String sid) {

        static Polling open(int port) throws IOException {
            String open = exchange(port, "GET", "", null, Duration.ofSeconds(10));
            return new Polling(port, new JSONObject(open.substring(open.indexOf('{'))).getString("sid"));
        }

        void post(String packet) throws IOException {
            exchange(port, "POST", sid, packet, Duration.ofSeconds(10));
        }

        String poll(Duration timeout) throws IOException {
            return exchange(port, "GET", sid, null, timeout);
        }

        /** One request on its own connection; returns the body of a 200 response. */
        private static String exchange(int port, String method, String sid, String body, Duration timeout)
                throws IOException {
            try (Socket socket = new Socket()) {
                socket.setSoTimeout((int) timeout.toMillis());
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                String target = "/socket.io/?EIO=4&transport=polling" + (sid.isEmpty() ? "" : "&sid=" + sid);
                String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        + (body == null ? "" : "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + content.length + "\r\n")
                        + "\r\n";
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(content);
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!response.startsWith("HTTP/1.1 200")) {
                    throw new AssertionError(method + " refused: " + response);
                }
                return response.substring(response.indexOf("\r\n\r\n") + 4);
            }
        }
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
