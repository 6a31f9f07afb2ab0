package cn.zhunong.live.room;

import cn.zhunong.live.auth.Viewer;
import com.corundumstudio.socketio.SocketIOClient;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connected socket on this node: who it is, the rooms it is in (with its role in each), and its
 * send-queue accounting (see {@link cn.zhunong.live.fanout.Fanout}).
 */
public final class Connection {

    private final SocketIOClient client;
    private volatile Viewer viewer;
    private volatile String uniqueKey;
    private final Map<Long, RoomRole> rooms = new ConcurrentHashMap<>();

    /** broadcast frames handed to netty and not yet written to the socket */
    public final AtomicInteger pending = new AtomicInteger();
    /** counts a written (or failed) broadcast frame off {@link #pending}; one instance per connection */
    public final ChannelFutureListener frameWritten = future -> pending.decrementAndGet();
    /** broadcast packets this client missed because its queue was full */
    public final AtomicLong dropped = new AtomicLong();
    /** since when the queue has been full (epoch ms), 0 when it is not */
    public volatile long congestedSince;
    public volatile Channel channel;
    private final AtomicBoolean closing = new AtomicBoolean();

    private long likeWindowStart;
    private int likeEvents;
    private long packetWindowStart;
    private int packets;

    public Connection(SocketIOClient client, Viewer viewer, String uniqueKey) {
        this.client = client;
        this.viewer = viewer;
        this.uniqueKey = uniqueKey;
    }

    public SocketIOClient client() {
        return client;
    }

    public UUID id() {
        return client.getSessionId();
    }

    /**
     * Who the socket is, once its socket.io CONNECT packet (with {@code auth}) arrived. netty-socketio
     * runs connect listeners of the default namespace at the engine.io handshake, before that packet,
     * so a connection starts anonymous and is identified here; clients emit nothing before the
     * server's CONNECT answer, which follows.
     */
    public void identify(Viewer viewer, String uniqueKey) {
        this.viewer = viewer;
        this.uniqueKey = uniqueKey;
    }

    public Viewer viewer() {
        return viewer;
    }

    /** Counted once per session in the unique-viewer HyperLogLog: the user, else the device, else the socket. */
    public String uniqueKey() {
        return uniqueKey;
    }

    public Map<Long, RoomRole> rooms() {
        return rooms;
    }

    public RoomRole roleIn(long sessionId) {
        RoomRole role = rooms.get(sessionId);
        if (role == null) {
            throw new LiveError(LiveError.NOT_IN_ROOM, "请先进入直播间");
        }
        return role;
    }

    /** True the first time only: the caller that wins does the disconnect. */
    public boolean markClosing() {
        return closing.compareAndSet(false, true);
    }

    public boolean closing() {
        return closing.get();
    }

    /** Fixed-window limit on all socket.io packets from this socket (the flood guard). */
    public synchronized boolean allowPackets(long now, int count, int limit, long windowMillis) {
        if (now - packetWindowStart >= windowMillis) {
            packetWindowStart = now;
            packets = 0;
        }
        packets += count;
        return packets <= limit;
    }

    /** Fixed-window limit on like events from this socket. */
    public synchronized boolean allowLike(long now, int limit, long windowMillis) {
        if (now - likeWindowStart >= windowMillis) {
            likeWindowStart = now;
            likeEvents = 0;
        }
        return ++likeEvents <= limit;
    }
}
