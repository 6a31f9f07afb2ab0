package cn.zhunong.alipaysim;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Alipay's wall-clock formats, always in Asia/Shanghai. */
final class AlipayTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private AlipayTime() {
    }

    static String format(Instant instant) {
        return instant == null ? null : SECONDS.format(instant.atZone(ZONE));
    }

    static String formatMillis(Instant instant) {
        return instant == null ? null : MILLIS.format(instant.atZone(ZONE));
    }

    /** Parses "yyyy-MM-dd HH:mm:ss" in Asia/Shanghai; null when malformed. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, SECONDS).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
