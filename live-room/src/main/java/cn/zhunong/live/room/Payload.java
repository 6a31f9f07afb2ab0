package cn.zhunong.live.room;

import java.util.Map;

/**
 * Reads a client event's argument. Events are registered with {@code Object.class}, so any valid
 * JSON arrives (as maps, lists, strings, numbers) and every shape problem becomes an
 * INVALID_PAYLOAD refusal here rather than a decoding exception.
 */
public final class Payload {

    private final Map<?, ?> fields;

    private Payload(Map<?, ?> fields) {
        this.fields = fields;
    }

    public static Payload of(Object data) {
        if (data instanceof Map<?, ?> map) {
            return new Payload(map);
        }
        throw invalid("请求内容必须是一个对象");
    }

    public long sessionId() {
        return requiredId("sessionId");
    }

    public long requiredId(String name) {
        Long value = optionalLong(name);
        if (value == null || value <= 0) {
            throw invalid(name + " 必须是正整数");
        }
        return value;
    }

    public Long optionalLong(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text && text.matches("\\d{1,18}")) {
            return Long.parseLong(text);
        }
        throw invalid(name + " 必须是整数");
    }

    public int optionalInt(String name, int min, int max, int fallback) {
        Long value = optionalLong(name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw invalid(name + " 必须在 " + min + " 到 " + max + " 之间");
        }
        return value.intValue();
    }

    /** A string field, or null when absent; anything else than a string is invalid. */
    public String optionalText(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw invalid(name + " 必须是字符串");
    }

    /** Trimmed, control characters removed, at most {@code max} characters (code points); null if absent or blank. */
    public String optionalCleanText(String name, int max, String code) {
        String raw = optionalText(name);
        if (raw == null) {
            return null;
        }
        String clean = clean(raw);
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.codePointCount(0, clean.length()) > max) {
            throw new LiveError(code, name + " 最多 " + max + " 个字");
        }
        return clean;
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public Object raw(String name) {
        return fields.get(name);
    }

    public static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT
                    && Character.getType(cp) != Character.SURROGATE && Character.getType(cp) != Character.UNASSIGNED) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    public static LiveError invalid(String message) {
        return new LiveError(LiveError.INVALID_PAYLOAD, message);
    }
}
