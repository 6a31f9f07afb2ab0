package cn.zhunong.live.room;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** A room as this node sees it: its local members and the chat that waits for the next tick. */
public final class LocalRoom {

    private final long sessionId;
    final Map<UUID, Connection> members = new ConcurrentHashMap<>();
    /** chat accepted on this node, published to every node (this one included, via Redis) at the next tick */
    final ConcurrentLinkedQueue<ChatItem> toPublish = new ConcurrentLinkedQueue<>();
    /** likes and chats on this node not yet added to the room's Redis counters */
    public final AtomicLong likesDelta = new AtomicLong();
    public final AtomicLong chatsDelta = new AtomicLong();
    volatile SessionInfo info;
    /** the last stats sent to local members, to send only changes */
    public volatile String lastStats;
    volatile long emptySince;
    /** what local viewers were last told about the session's latest flash sale (stats tick only) */
    public volatile cn.zhunong.live.flash.FlashSaleWatch flashWatch;

    LocalRoom(long sessionId, SessionInfo info) {
        this.sessionId = sessionId;
        this.info = info;
    }

    public long sessionId() {
        return sessionId;
    }

    public int size() {
        return members.size();
    }

    public SessionInfo info() {
        return info;
    }

    /** The session as Redis has it now (mall-api may have changed its status). */
    public void refresh(String status, Long streamerId) {
        if (status != null) {
            info = new SessionInfo(sessionId, streamerId, status);
        }
    }
}
