package cn.zhunong.mall.infra.persistence;

import java.sql.SQLException;

/**
 * Tells a lock wait that ran out (error 1205) from a deadlock (1213). Spring translates both by
 * their SQLSTATE to the same {@code CannotAcquireLockException}, but they call for different
 * handling: a deadlock loser may simply run again, while a lock still held elsewhere would only
 * be waited for once more.
 */
public final class LockWaits {

    /** ER_LOCK_WAIT_TIMEOUT, the same number on MySQL and MariaDB */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private LockWaits() {
    }

    public static boolean ranOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == LOCK_WAIT_TIMEOUT) {
                return true;
            }
        }
        return false;
    }
}
