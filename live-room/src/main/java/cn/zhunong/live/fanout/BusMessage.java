package cn.zhunong.live.fanout;

import cn.zhunong.live.room.ChatItem;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What nodes tell each other about a room over its Redis pub/sub channel. Chat travels already
 * batched (one message per node per tick); room events travel as they happen.
 *
 * @param kind CHAT (items), EVENT (event + payload, for every viewer), TO_USER (event + payload for
 *             the sockets of userId only; KICK also removes them from the room), DELETE (messageId)
 */
public record BusMessage(String origin, String kind, String event, Long userId, String messageId,
        List<ChatItem> items, JsonNode payload) {

    public static final String CHAT = "CHAT";
    public static final String EVENT = "EVENT";
    public static final String TO_USER = "TO_USER";
    public static final String KICK = "KICK";
    public static final String DELETE = "DELETE";
}
