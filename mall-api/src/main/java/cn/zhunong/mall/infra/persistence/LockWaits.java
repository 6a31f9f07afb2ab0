package cn.zhunong.mall.infra.persistence;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * Tells a lock wait that was cut short from a deadlock. InnoDB gives up with error 1205, which
 * Spring translates by its SQLSTATE to the same {@code CannotAcquireLockException} as a deadlock;
 * a statement cancelled by its own timeout comes as a {@link SQLTimeoutException} or, depending on
 * the driver's path, as error 1317 (query interrupted). They call for different handling: a
 * deadlock loser may simply run again, while a lock still held elsewhere would only be waited for
 * once more.
 */
public final class LockWaits {

    /** ER_LOCK_WAIT_TIMEOUT, the same number on MySQL and MariaDB */
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    /** ER_QUERY_INTERRUPTED: what KILL QUERY (the driver's statement timeout) leaves */
    private static final int QUERY_INTERRUPTED = 1317;

    private LockWaits() {
    }

    public static boolean ranOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == LOCK_WAIT_TIMEOUT || sql.getErrorCode() == QUERY_INTERRUPTED)) {
                return true;
            }
        }
        return false;
    }
}
