package cn.zhunong.live.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live-room behaviour ({@code zhunong.live.*} in live-room.yml). Every value has a default here so a
 * missing key never stops a node; the yml lists them all with the reasons.
 *
 * @param tick how often a room's chat is sent out as one packet (100–200 ms)
 * @param statsInterval how often viewer counts and likes are summed in Redis and pushed to viewers
 * @param maxRoomsPerClient how many rooms one socket may be in at once
 */
@ConfigurationProperties("zhunong.live")
public record LiveProperties(
        Duration tick,
        Duration statsInterval,
        int maxRoomsPerClient,
        Chat chat,
        Likes likes,
        Flood flood,
        Outbound outbound,
        Persist persist,
        Node node,
        Events events) {

    public LiveProperties {
        tick = orDefault(tick, Duration.ofMillis(150));
        statsInterval = orDefault(statsInterval, Duration.ofSeconds(1));
        maxRoomsPerClient = maxRoomsPerClient <= 0 ? 3 : maxRoomsPerClient;
        chat = chat == null ? new Chat(0, 0, null, null, null, 0, null) : chat;
        likes = likes == null ? new Likes(0, 0, null) : likes;
        flood = flood == null ? new Flood(0, null) : flood;
        outbound = outbound == null ? new Outbound(0, null) : outbound;
        persist = persist == null ? new Persist(null, 0, 0) : persist;
        node = node == null ? new Node(null, null, null) : node;
        events = events == null ? new Events(null, null, null, null) : events;
    }

    /**
     * @param maxLength characters per message (code points)
     * @param rateLimit messages one user may send per {@code rateWindow}, across all nodes and rooms
     * @param wordList Spring resource location of the sensitive-word list, one word per line
     * @param defaultMute how long a mute lasts when the moderator gives no duration
     * @param maxBatch messages per room per tick that are broadcast; the rest are stored but not shown
     *                 (at that rate nobody can read them, and the packet stays small)
     * @param batching true (default): a room's chat goes to viewers as one packet per tick; false: one
     *                 packet per message, still sent at the tick (for comparison in live-bench only)
     */
    public record Chat(int maxLength, int rateLimit, Duration rateWindow, String wordList, Duration defaultMute,
            int maxBatch, Boolean batching) {
        public Chat {
            maxLength = maxLength <= 0 ? 100 : maxLength;
            rateLimit = rateLimit <= 0 ? 5 : rateLimit;
            rateWindow = orDefault(rateWindow, Duration.ofSeconds(10));
            wordList = wordList == null || wordList.isBlank() ? "classpath:live/sensitive-words.txt" : wordList;
            defaultMute = orDefault(defaultMute, Duration.ofMinutes(10));
            maxBatch = maxBatch <= 0 ? 100 : maxBatch;
            batching = batching == null || batching;
        }
    }

    /** @param maxPerEvent taps one like event may carry; @param rateLimit like events per window per socket */
    public record Likes(int maxPerEvent, int rateLimit, Duration rateWindow) {
        public Likes {
            maxPerEvent = maxPerEvent <= 0 ? 50 : maxPerEvent;
            rateLimit = rateLimit <= 0 ? 10 : rateLimit;
            rateWindow = orDefault(rateWindow, Duration.ofSeconds(1));
        }
    }

    /** A socket sending more than {@code maxPackets} socket.io packets within {@code window} is disconnected. */
    public record Flood(int maxPackets, Duration window) {
        public Flood {
            maxPackets = maxPackets <= 0 ? 60 : maxPackets;
            window = orDefault(window, Duration.ofSeconds(3));
        }
    }

    /**
     * The per-client send queue. Above {@code maxPendingPackets} broadcast packets waiting for the
     * network, new ones are dropped for that client; a client that stays above it longer than
     * {@code slowClientGrace} is disconnected with the reason SLOW_CLIENT.
     */
    public record Outbound(int maxPendingPackets, Duration slowClientGrace) {
        public Outbound {
            maxPendingPackets = maxPendingPackets <= 0 ? 256 : maxPendingPackets;
            slowClientGrace = orDefault(slowClientGrace, Duration.ofSeconds(5));
        }
    }

    /**
     * Batched writes of chat and room events: a batch goes out every {@code flushInterval} or as soon
     * as {@code batchSize} are waiting; at most {@code maxBuffered} wait in memory (then new chat is
     * refused rather than kept unrecorded).
     */
    public record Persist(Duration flushInterval, int batchSize, int maxBuffered) {
        public Persist {
            flushInterval = orDefault(flushInterval, Duration.ofMillis(500));
            batchSize = batchSize <= 0 ? 500 : batchSize;
            maxBuffered = maxBuffered <= 0 ? 100_000 : maxBuffered;
        }
    }

    /**
     * @param id this node's name in Redis; empty means generated at start
     * @param heartbeat how often the node says it is alive
     * @param ttl after how long without a heartbeat its viewers stop counting
     */
    public record Node(String id, Duration heartbeat, Duration ttl) {
        public Node {
            heartbeat = orDefault(heartbeat, Duration.ofSeconds(2));
            ttl = orDefault(ttl, Duration.ofSeconds(6));
        }
    }

    /**
     * The cross-service event stream (mall-api's outbox relay publishes to it).
     *
     * @param claimIdle a message unacknowledged this long by a dead consumer is taken over
     */
    public record Events(String stream, String group, Duration pollTimeout, Duration claimIdle) {
        public Events {
            stream = stream == null || stream.isBlank() ? "zhunong:events" : stream;
            group = group == null || group.isBlank() ? "live-room" : group;
            pollTimeout = orDefault(pollTimeout, Duration.ofSeconds(1));
            claimIdle = orDefault(claimIdle, Duration.ofSeconds(30));
        }
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
