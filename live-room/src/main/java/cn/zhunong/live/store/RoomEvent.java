package cn.zhunong.live.store;

import java.time.Instant;

/**
 * One row of {@code live_room_event}: a chat message or a room event, kept for replay and audit.
 *
 * @param kind CHAT, ANNOUNCEMENT, EXPLAIN, MUTE, UNMUTE, KICK, DELETE, PURCHASE, END, FLASH_SALE (started),
 *             FLASH_SALE_END (sold out, time up or ended by the host; recorded by one node)
 */
public record RoomEvent(long id, long sessionId, String kind, Long actorUserId, String actorName, String actorRole,
        Long targetUserId, Long targetEventId, String text, String originalText, String payload, Instant occurredAt) {

    public static final String CHAT = "CHAT";
    public static final String ANNOUNCEMENT = "ANNOUNCEMENT";
    public static final String EXPLAIN = "EXPLAIN";
    public static final String MUTE = "MUTE";
    public static final String UNMUTE = "UNMUTE";
    public static final String KICK = "KICK";
    public static final String DELETE = "DELETE";
    public static final String PURCHASE = "PURCHASE";
    public static final String END = "END";
    public static final String FLASH_SALE = "FLASH_SALE";
    public static final String FLASH_SALE_END = "FLASH_SALE_END";
}
