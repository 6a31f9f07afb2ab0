package cn.zhunong.mall.ledger;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs ledger work in its own READ COMMITTED transaction and retries it when it lost a race: a
 * deadlock or lock timeout, a source lot taken by a concurrent order, or a duplicate event being
 * posted at the same moment. Each attempt starts afresh, so nothing of a failed attempt remains.
 * Always a new transaction (REQUIRES_NEW): a caller's own transaction cannot be retried, and the
 * idempotency keys make it safe for the caller to commit or fail independently.
 */
@Component
public class LedgerTx {

    static final int MAX_ATTEMPTS = 8;
    /** From this attempt on, source lots are read with FOR UPDATE so the attempt cannot lose again. */
    static final int PESSIMISTIC_FROM = 3;

    private static final Logger log = LoggerFactory.getLogger(LedgerTx.class);

    private final TransactionTemplate tx;

    public LedgerTx(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @param work gets the attempt number (1, 2, ...) */
    public <T> T run(IntFunction<T> work) {
        for (int attempt = 1; ; attempt++) {
            final int current = attempt;
            try {
                return tx.execute(status -> work.apply(current));
            } catch (RetryableConflictException | PessimisticLockingFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.debug("Ledger transaction attempt {} lost a race, retrying: {}", attempt, e.getMessage());
                // a short random pause so competing retries do not collide again in lockstep
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 5_000_000L * attempt));
            }
        }
    }

    /** Thrown inside a ledger transaction to roll it back and run it again. */
    public static class RetryableConflictException extends RuntimeException {

        public RetryableConflictException(String message) {
            super(message, null, false, false);
        }
    }
}
