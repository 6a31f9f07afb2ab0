package cn.zhunong.live.room;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused client event: a stable code for programs and a Chinese message for people. Sent back
 * as the ack {@code {ok:false, code, message}} and, when the client asked for no ack, as a
 * {@code rejected} event {@code {event, code, message}}.
 */
public class LiveError extends RuntimeException {

    public static final String LOGIN_REQUIRED = "LOGIN_REQUIRED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String INVALID_PAYLOAD = "INVALID_PAYLOAD";
    public static final String ROOM_NOT_FOUND = "ROOM_NOT_FOUND";
    public static final String SESSION_ENDED = "SESSION_ENDED";
    public static final String NOT_IN_ROOM = "NOT_IN_ROOM";
    public static final String TOO_MANY_ROOMS = "TOO_MANY_ROOMS";
    public static final String BANNED = "BANNED";
    public static final String CHAT_EMPTY = "CHAT_EMPTY";
    public static final String CHAT_TOO_LONG = "CHAT_TOO_LONG";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String MUTED = "MUTED";
    public static final String CANNOT_MODERATE = "CANNOT_MODERATE";
    public static final String UNKNOWN_EVENT = "UNKNOWN_EVENT";
    public static final String BUSY = "BUSY";

    private final String code;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public LiveError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Extra fields for the client (e.g. {@code retryAfterMs}, {@code mutedUntil}, {@code summary}). */
    public LiveError with(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public Map<String, Object> details() {
        return details;
    }
}
