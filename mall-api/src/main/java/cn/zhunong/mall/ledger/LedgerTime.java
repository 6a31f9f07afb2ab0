package cn.zhunong.mall.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Binds instants for the hot posting path as UTC {@code LocalDateTime}: the same stored value as a
 * {@code java.sql.Timestamp} under the required connection settings (connectionTimeZone=UTC, see
 * README "Production configuration"), without Connector/J's per-value calendar conversion of a
 * Timestamp from the JVM's zone.
 */
public final class LedgerTime {

    private LedgerTime() {
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
