package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.persistence.LockWaits;
import cn.zhunong.mall.order.stock.StockCounters;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes new orders to the database — group commit for checkout. Checkout threads hand their
 * order over and wait; a writer thread takes whatever has queued up (up to {@code maxBatch}) and
 * writes it in ONE short transaction: the orders in one INSERT, their lines in one INSERT
 * ({@link OrderRows}), then, last, one conditional stock UPDATE per SKU for the batch's total
 * ({@code stock = stock - n WHERE stock >= n}, in SKU id order), and the commit. On a hot SKU a
 * hundred buyers then cost the row lock, the round trips and the commit of one. mall-api runs one
 * writer ({@code zhunong.orders.writer-threads}): with more, they take turns on a hot SKU's row
 * lock, and each commits smaller batches.
 *
 * <p>When nothing is waiting a batch is a single order, so a quiet shop pays no extra latency.
 * If a batch fails as a whole (a duplicate Idempotency-Key, a SKU shorter in the database than
 * Redis said, anything) it is rolled back and every order in it is written on its own, so one
 * bad order never fails the others and each gets its own answer.
 *
 * <p>The stock UPDATE waits at most {@code zhunong.orders.writer-lock-wait-seconds} for a SKU row
 * locked by another transaction, not InnoDB's 50 s: every new order of the instance queues behind
 * it. When that wait runs out the whole batch fails at once (the client is told to try again)
 * instead of each order waiting as long again on its own.
 *
 * <p>After a commit the writer also confirms the orders' Redis stock reservations
 * ({@link StockCounters}) and sets their {@link ReplayMarkers}, one call per batch, before it
 * answers the buyers.
 */
@Component
public class OrderWriter {

    private static final Logger log = LoggerFactory.getLogger(OrderWriter.class);
    private static final int MAX_ATTEMPTS = 3;

    private final OrderRows rows;
    private final StockCounters counters;
    private final ReplayMarkers replayMarkers;
    private final TransactionTemplate tx;
    private final int maxBatch;
    private final int lockWaitSeconds;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    public OrderWriter(OrderRows rows, StockCounters counters, ReplayMarkers replayMarkers,
            PlatformTransactionManager transactions,
            @Value("${zhunong.orders.writer-threads}") int threads, @Value("${zhunong.orders.max-batch}") int maxBatch,
            @Value("${zhunong.orders.writer-lock-wait-seconds}") int lockWaitSeconds) {
        this.rows = rows;
        this.counters = counters;
        this.replayMarkers = replayMarkers;
        this.tx = new TransactionTemplate(transactions);
        this.maxBatch = maxBatch;
        this.lockWaitSeconds = lockWaitSeconds;
        for (int i = 0; i < threads; i++) {
            Thread writer = new Thread(this::run, "order-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    private record Pending(Order order, List<OrderLine> lines, Map<Long, Integer> units, CompletableFuture<Void> done) {
    }

    /**
     * Writes the order, its lines and its stock reservation, and returns once they are committed
     * and the Redis reservation is confirmed. On failure the caller gives the reservation back.
     *
     * @throws StockShortageException when the database has fewer units than asked for
     * @throws org.springframework.dao.DuplicateKeyException for an Idempotency-Key used already
     */
    public void write(Order order, List<OrderLine> orderLines, Map<Long, Integer> units) {
        Pending pending = new Pending(order, orderLines, units, new CompletableFuture<>());
        if (!running) {
            throw new IllegalStateException("the order writer is shut down");
        }
        queue.add(pending);
        try {
            pending.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the order was being written", e);
        }
    }

    private void run() {
        while (running) {
            Pending first;
            try {
                first = queue.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending> batch = new ArrayList<>(maxBatch);
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            try {
                write(batch);
            } catch (Throwable unexpected) {
                // never leave a buyer waiting forever, whatever went wrong
                batch.forEach(p -> p.done().completeExceptionally(unexpected));
            }
        }
    }

    private void write(List<Pending> batch) {
        if (batch.size() > 1) {
            try {
                tx.executeWithoutResult(status -> insertAndTakeStock(batch));
                committed(batch);
                return;
            } catch (RuntimeException wholeBatchFailed) {
                batch.forEach(OrderWriter::forgetIds);
                if (LockWaits.ranOut(wholeBatchFailed)) {
                    // a row stayed locked by someone else: alone, each order would wait as long again
                    RuntimeException busy = stillLocked(wholeBatchFailed);
                    batch.forEach(p -> p.done().completeExceptionally(busy));
                    return;
                }
            }
        }
        batch.forEach(this::writeAlone);
    }

    /**
     * One order in its own transaction. A deadlock is retried: when a transaction holding an
     * Idempotency-Key rolls back, InnoDB grants every writer waiting on that key a shared lock at
     * once and all but one of their inserts deadlock. Run again, the loser meets the winner's
     * committed row and fails as the duplicate it is, which checkout answers as a replay.
     */
    private void writeAlone(Pending pending) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> insertAndTakeStock(List.of(pending)));
                committed(List.of(pending));
                return;
            } catch (RuntimeException e) {
                forgetIds(pending);
                if (LockWaits.ranOut(e)) {
                    pending.done().completeExceptionally(stillLocked(e));
                    return;
                }
                boolean lostRace = e instanceof PessimisticLockingFailureException;
                if (!lostRace || attempt >= MAX_ATTEMPTS) {
                    pending.done().completeExceptionally(e);
                    return;
                }
            }
        }
    }

    private void insertAndTakeStock(List<Pending> batch) {
        List<Order> newOrders = batch.stream().map(Pending::order).toList();
        rows.insertOrders(newOrders);
        List<OrderLine> newLines = new ArrayList<>();
        Map<Long, Integer> units = new TreeMap<>();
        for (Pending pending : batch) {
            pending.lines().forEach(l -> l.setOrderId(pending.order().getId()));
            newLines.addAll(pending.lines());
            pending.units().forEach((sku, qty) -> units.merge(sku, qty, Integer::sum));
        }
        rows.insertLines(newLines);
        // last, in SKU id order: the hot rows are locked for the shortest time and never in a cycle
        units.forEach((sku, qty) -> {
            if (rows.takeStock(sku, qty, lockWaitSeconds) == 0) {
                throw new StockShortageException(sku);
            }
        });
    }

    /**
     * Confirms the batch's reservations and sets its replay markers, then answers its buyers. The
     * orders are committed either way: if Redis fails here, the stock reconciler settles the stale
     * reservations later, and a replay without its marker meets the unique key.
     */
    private void committed(List<Pending> batch) {
        try {
            List<String> tokens = batch.stream().map(p -> p.order().getOrderNo()).toList();
            List<String> markers = batch.stream()
                    .map(p -> ReplayMarkers.key(p.order().getUserId(), p.order().getIdempotencyKey())).toList();
            Set<Long> skus = new TreeSet<>();
            batch.forEach(p -> skus.addAll(p.units().keySet()));
            counters.confirm(tokens, skus, markers, replayMarkers.ttl());
        } catch (RuntimeException e) {
            log.warn("Could not confirm the stock reservations of {} committed orders; the reconciler will", batch.size(), e);
        }
        batch.forEach(p -> p.done().complete(null));
    }

    /** What the buyers of a batch whose lock wait ran out are told: busy, try again (503). */
    private CannotAcquireLockException stillLocked(RuntimeException e) {
        return new CannotAcquireLockException("a SKU row stayed locked for " + lockWaitSeconds + " s", e);
    }

    /** Ids generated by a statement that was rolled back mean nothing. */
    private static void forgetIds(Pending pending) {
        pending.order().setId(null);
        pending.lines().forEach(l -> {
            l.setId(null);
            l.setOrderId(null);
        });
    }

    @PreDestroy
    void stop() {
        running = false;
        writers.forEach(Thread::interrupt);
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the server is shutting down"));
        }
    }
}
