package cn.zhunong.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP/1.1 load on one thread, the way wrk does it: N keep-alive connections on one
 * selector (epoll), each sending its next request as soon as the previous answer is complete.
 * Against a thread per buyer ({@link LoadRun} with {@link RawHttpClient}) it leaves the server's
 * threads the cores instead of 200 more runnable threads, and it stamps each answer when the
 * selector sees it complete rather than when a woken buyer thread gets a core.
 */
final class NioHttpLoad {

    private NioHttpLoad() {
    }

    /**
     * @param successStatus the status that counts as done (201 for orders, 200 for the floor GETs); 409 counts as refused
     * @param requestsOfBuyer each buyer's source of complete request bytes (a fresh Idempotency-Key each time)
     */
    static LoadRun.Result run(int port, int buyers, long millis, int successStatus, IntFunction<Supplier<byte[]>> requestsOfBuyer) {
        try (Selector selector = Selector.open()) {
            Run run = new Run(selector, port, successStatus);
            List<Connection> connections = new ArrayList<>();
            for (int b = 0; b < buyers; b++) {
                connections.add(run.open(requestsOfBuyer.apply(b)));
            }
            CpuMeter.Sample cpuBefore = CpuMeter.sample();
            long started = System.nanoTime();
            run.deadline = started + millis * 1_000_000L;
            for (Connection connection : connections) {
                run.send(connection);
            }
            while (run.inFlight > 0) {
                selector.select(run::ready);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            CpuMeter.Sample cpu = CpuMeter.sample().minus(cpuBefore);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            long[] latencies = Arrays.copyOf(run.latencies, run.samples);
            return LoadRun.result(run.created, run.refused, run.errors, seconds, latencies, cpu);
        } catch (IOException e) {
            throw new IllegalStateException("load generator failed", e);
        }
    }

    /** One buyer's connection: the request being sent and the answer being read. */
    private static final class Connection {
        final Supplier<byte[]> requests;
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        long sentAt;
        boolean waiting; // a request is out and its answer not yet complete

        Connection(Supplier<byte[]> requests) {
            this.requests = requests;
        }
    }

    private static final class Run {
        private final Selector selector;
        private final int port;
        private final int successStatus;
        long deadline;
        int inFlight;
        long created;
        long refused;
        long errors;
        long[] latencies = new long[1 << 18];
        int samples;
        private boolean firstErrorShown;

        Run(Selector selector, int port, int successStatus) {
            this.selector = selector;
            this.port = port;
            this.successStatus = successStatus;
        }

        Connection open(Supplier<byte[]> requests) throws IOException {
            Connection connection = new Connection(requests);
            connect(connection);
            return connection;
        }

        private void connect(Connection connection) throws IOException {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(HttpRequests.HOST, port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            connection.channel = channel;
            connection.key = channel.register(selector, 0, connection);
            connection.in.clear();
        }

        void send(Connection connection) throws IOException {
            connection.out = ByteBuffer.wrap(connection.requests.get());
            connection.sentAt = System.nanoTime();
            connection.waiting = true;
            inFlight++;
            write(connection);
        }

        private void write(Connection connection) throws IOException {
            connection.channel.write(connection.out);
            connection.key.interestOps(connection.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void ready(SelectionKey key) {
            Connection connection = (Connection) key.attachment();
            try {
                if (key.isWritable()) {
                    write(connection);
                } else if (key.isReadable()) {
                    read(connection);
                }
            } catch (IOException | RuntimeException e) {
                failed(connection, e);
            }
        }

        private void read(Connection connection) throws IOException {
            ByteBuffer in = connection.in;
            if (!in.hasRemaining()) {
                connection.in = in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (connection.channel.read(in) < 0) {
                throw new IOException("connection closed by the server");
            }
            Answer answer = Answer.parse(in.array(), in.position());
            if (answer == null) {
                return; // not complete yet
            }
            long took = System.nanoTime() - connection.sentAt;
            connection.waiting = false;
            inFlight--;
            if (samples == latencies.length) {
                latencies = Arrays.copyOf(latencies, samples * 2);
            }
            latencies[samples++] = took;
            if (answer.status == successStatus) {
                created++;
            } else if (answer.status == 409) {
                refused++;
            } else {
                errors++;
                showFirstError("first unexpected status: " + answer.status);
            }
            in.clear();
            if (answer.close) {
                connection.channel.close();
                connect(connection);
            }
            if (System.nanoTime() < deadline) {
                send(connection);
            }
        }

        private void failed(Connection connection, Exception e) {
            if (connection.waiting) {
                connection.waiting = false;
                inFlight--;
            }
            errors++;
            showFirstError("first error: " + e);
            try {
                connection.channel.close();
                connect(connection);
                if (System.nanoTime() < deadline) {
                    send(connection);
                }
            } catch (IOException again) {
                throw new IllegalStateException("cannot reconnect", again);
            }
        }

        private void showFirstError(String message) {
            if (!firstErrorShown) {
                firstErrorShown = true;
                System.out.println("  " + message);
            }
        }
    }

    /** The parts of a complete HTTP/1.1 answer the load needs; null while it is incomplete. */
    record Answer(int status, boolean close) {

        static Answer parse(byte[] bytes, int length) {
            int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
            if (headEnd < 0) {
                return null;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            int status = Integer.parseInt(head.substring(9, 12));
            int bodyStart = headEnd + 4;
            boolean complete;
            String contentLength = header(head, "content-length");
            if (contentLength != null) {
                complete = length >= bodyStart + Integer.parseInt(contentLength.trim());
            } else if (String.valueOf(header(head, "transfer-encoding")).contains("chunked")) {
                complete = chunkedComplete(bytes, bodyStart, length);
            } else {
                complete = true; // no body (e.g. 204)
            }
            if (!complete) {
                return null;
            }
            return new Answer(status, String.valueOf(header(head, "connection")).contains("close"));
        }

        private static String header(String head, String name) {
            int at = head.indexOf("\r\n" + name + ":");
            if (at < 0) {
                return null;
            }
            int valueStart = at + name.length() + 3;
            int end = head.indexOf("\r\n", valueStart);
            return head.substring(valueStart, end < 0 ? head.length() : end);
        }

        /** Walks the chunk sizes; complete when the last (0) chunk and its trailing CRLF are in. */
        private static boolean chunkedComplete(byte[] bytes, int at, int length) {
            while (true) {
                int lineEnd = indexOf(bytes, at, length, "\r\n");
                if (lineEnd < 0) {
                    return false;
                }
                String sizeField = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int semicolon = sizeField.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeField : sizeField.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    return indexOf(bytes, lineEnd + 2, length, "\r\n") >= 0; // no trailers are sent
                }
                at = lineEnd + 2 + size + 2;
                if (at > length) {
                    return false;
                }
            }
        }

        private static int indexOf(byte[] bytes, int from, int length, String ascii) {
            outer:
            for (int i = from; i <= length - ascii.length(); i++) {
                for (int j = 0; j < ascii.length(); j++) {
                    if (bytes[i + j] != ascii.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
