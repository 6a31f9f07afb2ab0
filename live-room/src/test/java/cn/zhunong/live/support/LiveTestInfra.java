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
            EmbeddedInfra started = EmbeddedInfra.start(null, "live_test");
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

    private static Path migrations() {
        Path sql = Path.of("..", "sql").toAbsolutePath().normalize();
        if (!Files.isDirectory(sql)) {
            throw new IllegalStateException("Migrations not found at " + sql);
        }
        return sql;
    }
}
