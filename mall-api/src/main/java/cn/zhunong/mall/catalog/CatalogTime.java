package cn.zhunong.mall.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** "Now" and "today" for the catalog, both from the app clock; today is the day in China. */
@Component
public class CatalogTime {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public CatalogTime(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
