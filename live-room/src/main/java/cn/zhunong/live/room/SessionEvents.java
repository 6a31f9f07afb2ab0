package cn.zhunong.live.room;

/**
 * The socket.io events of a live room (default namespace). Client → server events carry
 * {@code sessionId} and accept an ack callback answered with {@code {ok:true, ...}} or
 * {@code {ok:false, code, message}}; without an ack callback a refusal arrives as {@link #REJECTED}.
 */
public final class SessionEvents {

    // client → server
    public static final String JOIN = "join";
    public static final String LEAVE = "leave";
    public static final String CHAT = "chat";
    public static final String LIKE = "like";
    public static final String EXPLAIN = "explain";
    public static final String ANNOUNCE = "announce";
    public static final String MUTE = "mute";
    public static final String UNMUTE = "unmute";
    public static final String KICK = "kick";
    public static final String DELETE = "delete";
    public static final String END = "end";
    /** host: {sessionId, skuId, units, priceFen, durationSeconds, perUserLimit?} → ack {flashSaleId, endsAt} */
    public static final String FLASH_START = "flash_start";
    /** host: {sessionId, flashSaleId} → ack {flashSaleId, ended} */
    public static final String FLASH_END = "flash_end";

    // server → client
    /** {sessionId, messages: [{id, userId, name, role, text, at}]} — one packet per room per tick */
    public static final String CHAT_BATCH = "chat";
    /** {sessionId, online, peak, unique, likes, chats} — at most once a second, when something changed */
    public static final String STATS = "stats";
    /** {sessionId, product: {id, name, priceFen, unit, imageUrl} | null, at} */
    public static final String EXPLAINING = "explaining";
    /** {sessionId, id, text, by, at} */
    public static final String ANNOUNCEMENT = "announcement";
    /** {sessionId, messageId} */
    public static final String CHAT_DELETED = "chat_deleted";
    /** {sessionId, text, buyer, quantity, unitName, productName, at} */
    public static final String PURCHASE = "purchase";
    /** to the muted user only: {sessionId, until, reason} */
    public static final String MUTED = "muted";
    /** to the user only: {sessionId} */
    public static final String UNMUTED = "unmuted";
    /** to the kicked user only, who is then out of the room: {sessionId, reason} */
    public static final String KICKED = "kicked";
    /** the end-of-session summary: {sessionId, peakViewers, uniqueViewers, likes, chats, startedAt, endedAt} */
    public static final String SESSION_ENDED = "session_ended";
    /**
     * a flash sale started: {sessionId, flashSaleId, skuId, productName, unitName, priceFen, regularPriceFen,
     * units, remaining, perUserLimit, startsAt, endsAt}
     */
    public static final String FLASH_SALE = "flash_sale";
    /** {sessionId, flashSaleId, remaining, at} — at most once a second, when it changed */
    public static final String FLASH_SALE_UPDATE = "flash_sale_update";
    /** {sessionId, flashSaleId, remaining: 0, at} */
    public static final String FLASH_SALE_SOLD_OUT = "flash_sale_sold_out";
    /** {sessionId, flashSaleId, remaining, reason: SOLD_OUT | TIME_UP | HOST, at} */
    public static final String FLASH_SALE_ENDED = "flash_sale_ended";
    /** {event, code, message}: a client event was refused and the client asked for no ack */
    public static final String REJECTED = "rejected";

    private SessionEvents() {
    }
}
