package cn.zhunong.bench.live;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Thousands of socket.io v4 viewers on a few event-loop threads: raw netty WebSocket clients that
 * speak engine.io v4 / socket.io v4 text frames ({@code 0{...}} open, {@code 40} connect,
 * {@code 42[...]} events, {@code 2}/{@code 3} ping/pong) — the wire format of the official clients
 * over WebSocket, without a thread per connection.
 *
 * <p>Chat texts carry their sequence number, the time the chatter's socket write started and the
 * time the generator scheduled it ({@code b<seq>:<sent>:<due>}, nanoTime); each viewer
 * counts every message it receives and records its delivery latency.
 */
final class Viewers implements AutoCloseable {

    static final String THREAD_PREFIX = "bench-client";

    private final EventLoopGroup group;
    private final URI uri;
    private final long sessionId;
    private final List<Channel> channels = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final int maxMessages;
    /** one tally per client event-loop thread, so counting never bounces a cache line between threads */
    private final List<Tally> tallies = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Tally> tally = ThreadLocal.withInitial(this::newTally);
    final AtomicLong rejected = new AtomicLong();
    final AtomicInteger disconnected = new AtomicInteger();
    /** messages from this sequence number on are measured (set when the warm-up ends) */
    volatile long measureFrom = Long.MAX_VALUE;
    volatile long measureTo = Long.MAX_VALUE;

    Viewers(int socketPort, long sessionId, int threads, int maxMessages) {
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(THREAD_PREFIX, true),
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.uri = URI.create("ws://127.0.0.1:" + socketPort + "/socket.io/?EIO=4&transport=websocket");
        this.sessionId = sessionId;
        this.maxMessages = maxMessages;
    }

    /** What one event-loop thread counted (written by that thread only). */
    private record Tally(AtomicLongArray delivered, Histogram latency, Histogram latencyFromDue, AtomicLong deliveries,
            AtomicLong received) {
    }

    private Tally newTally() {
        Tally t = new Tally(new AtomicLongArray(maxMessages), new Histogram(), new Histogram(), new AtomicLong(),
                new AtomicLong());
        tallies.add(t);
        return t;
    }

    /** Viewers that received message {@code seq}. */
    long delivered(int seq) {
        return tallies.stream().mapToLong(t -> t.delivered().get(seq)).sum();
    }

    /** Measured deliveries (messages of the measured window). */
    long deliveries() {
        return tallies.stream().mapToLong(t -> t.deliveries().get()).sum();
    }

    /** Every chat message received, measured or not: the drain waits until it stops growing. */
    long received() {
        return tallies.stream().mapToLong(t -> t.received().get()).sum();
    }

    /** From the chatter's socket write to the viewer's read. */
    Histogram latency() {
        return Histogram.sum(tallies.stream().map(Tally::latency).toList());
    }

    /** From the moment the generator scheduled the chat (its own send wait included) to the viewer's read. */
    Histogram latencyFromDue() {
        return Histogram.sum(tallies.stream().map(Tally::latencyFromDue).toList());
    }

    /**
     * Connects and joins {@code tokens.size()} viewers ({@code null} token = anonymous), at most
     * {@code inFlight} handshakes at a time; returns when all joined.
     */
    List<Channel> connectAll(List<String> tokens, int inFlight, long timeoutSeconds) throws InterruptedException {
        CountDownLatch joined = new CountDownLatch(tokens.size());
        Semaphore window = new Semaphore(inFlight);
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        List<Channel> opened = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (String token : tokens) {
            if (!window.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("connecting stalled: " + opened.size() + " started, "
                        + (tokens.size() - joined.getCount()) + " joined; failures " + failures.size() + " e.g. " + failures.peek());
            }
            Channel channel = bootstrap.handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536),
                            // no UTF-8 validation of every received frame: the generator's cost, not the server's
                            new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                    .webSocketUri(uri).maxFramePayloadLength(4 * 1024 * 1024).withUTF8Validator(false).build()),
                            new Client(token, joined, window));
                }
            }).connect(uri.getHost(), uri.getPort()).addListener(f -> {
                if (!f.isSuccess()) {
                    failures.add(String.valueOf(f.cause()));
                    window.release();
                }
            }).channel();
            opened.add(channel);
        }
        if (!joined.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException((tokens.size() - joined.getCount()) + " of " + tokens.size()
                    + " joined in time; failures " + failures.size() + " e.g. " + failures.peek());
        }
        channels.addAll(opened);
        return opened;
    }

    private static final byte[] CHAT_PREFIX = "42[\"chat\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT_MARK = "\"text\":\"b".getBytes(StandardCharsets.US_ASCII);

    private static boolean startsWith(ByteBuf buf, byte[] prefix) {
        if (buf.readableBytes() < prefix.length) {
            return false;
        }
        int start = buf.readerIndex();
        for (int i = 0; i < prefix.length; i++) {
            if (buf.getByte(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static void emit(Channel channel, String packet) {
        channel.writeAndFlush(new TextWebSocketFrame(packet));
    }

    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One viewer's protocol state machine; runs on its channel's event loop. */
    private final class Client extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final String token;
        private final CountDownLatch joined;
        private final Semaphore window;
        private boolean inRoom;

        Client(String token, CountDownLatch joined, Semaphore window) {
            this.token = token;
            this.joined = joined;
            this.window = window;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (!(frame instanceof TextWebSocketFrame text)) {
                return;
            }
            ByteBuf content = text.content();
            if (startsWith(content, CHAT_PREFIX)) {
                received(ByteBufUtil.getBytes(content));
                return;
            }
            String packet = text.text();
            if (packet.equals("2")) {
                emit(ctx.channel(), "3");
            } else if (packet.startsWith("0{")) {
                emit(ctx.channel(), token == null ? "40" : "40{\"token\":\"" + token + "\"}");
            } else if (packet.startsWith("40")) {
                emit(ctx.channel(), "421[\"join\",{\"sessionId\":" + sessionId + "}]");
            } else if (packet.startsWith("431")) {
                if (!inRoom && packet.contains("\"ok\":true")) {
                    inRoom = true;
                    joined.countDown();
                    window.release();
                } else if (!inRoom) {
                    failures.add("join refused: " + packet);
                    window.release();
                }
            } else if (packet.startsWith("42[\"rejected\"")) {
                rejected.incrementAndGet();
            } else if (packet.startsWith("44")) {
                failures.add("connect refused: " + packet);
                window.release();
            }
        }

        /** Scans the batch's bytes for "text":"b<seq>:<nanos>" without decoding them or building a JSON tree. */
        private void received(byte[] packet) {
            long now = System.nanoTime();
            Tally counts = tally.get();
            int at = 0;
            while ((at = indexOf(packet, TEXT_MARK, at)) >= 0) {
                int i = at + TEXT_MARK.length;
                long seq = 0;
                byte c;
                while ((c = packet[i++]) != ':') {
                    seq = seq * 10 + (c - '0');
                }
                long sent = 0;
                while ((c = packet[i++]) != ':') {
                    sent = sent * 10 + (c - '0');
                }
                long due = 0;
                while ((c = packet[i++]) != '"') {
                    due = due * 10 + (c - '0');
                }
                at = i;
                counts.received().lazySet(counts.received().get() + 1);
                if (seq < maxMessages) {
                    counts.delivered().lazySet((int) seq, counts.delivered().get((int) seq) + 1);
                }
                if (seq >= measureFrom && seq < measureTo) {
                    counts.deliveries().lazySet(counts.deliveries().get() + 1);
                    counts.latency().record(now - sent);
                    counts.latencyFromDue().record(now - due);
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            disconnected.incrementAndGet();
            if (!inRoom) {
                failures.add("closed before joining");
                window.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failures.add(cause.toString());
            ctx.close();
        }
    }
}
