package cn.zhunong.mall.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhunong.mall.ledger.LedgerFixtures.World;
import cn.zhunong.mall.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Posting paid orders, refunds, receipts and releases against the real database. */
class LedgerPostingTest extends ApiTest {

    /** Far enough ahead that the scheduled release job (real clock) never releases these orders. */
    static final Instant PAID_AT = Instant.now().plus(Duration.ofDays(365));

    @Autowired
    LedgerService ledger;
    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures fx;
    World world;
    long alice;
    long bob;
    long carol;
    long sku;
    long lotAlice;
    long lotBob;

    @BeforeEach
    void setUp() {
        fx = new LedgerFixtures(jdbc, data);
        world = fx.world();
        alice = fx.household(world.villageId(), true, "龙岗村 张**");
        bob = fx.household(world.villageId(), false, null);
        carol = fx.household(world.villageId(), true, "龙岗村 李**");
        long product = fx.product(world.agencyId(), world.villageId(), "高山土豆");
        sku = fx.sku(product, "5斤装", 5_000, null);
        // Alice's lot is older: FIFO takes it first. She sold at 收购价 12.00; Bob earns 60% of his units' part.
        lotAlice = fx.lot(sku, alice, 3, 1_200L, null, LocalDate.now().minusDays(10));
        lotBob = fx.lot(sku, bob, 4, null, 6_000, LocalDate.now().minusDays(5));
    }

    static PaidOrder order(long orderId, long agencyId, PaidLine... lines) {
        return new PaidOrder(orderId, agencyId, null, PAID_AT, List.of(lines), null);
    }

    @Test
    void aPaidOrderIsAllocatedFifoOverLotsAndPostedBalanced() {
        long orderId = LedgerFixtures.id();
        long lineId = LedgerFixtures.id();
        // 5 units for 100.00: 3 from Alice at 12.00 = 36.00, 2 from Bob at 60% of 2/5 of 100.00 = 24.00
        assertThat(ledger.onOrderPaid(order(orderId, world.agencyId(), new PaidLine(lineId, sku, 5, 10_000, null))))
                .isEqualTo(PostResult.POSTED);

        List<Map<String, Object>> allocations = fx.allocations(orderId);
        assertThat(allocations).extracting(a -> a.get("household_id")).containsExactly(alice, bob);
        assertThat(allocations).extracting(a -> ((Number) a.get("income_fen")).longValue()).containsExactly(3_600L, 2_400L);
        assertThat(allocations).extracting(a -> a.get("rule")).containsExactly("PURCHASE_PRICE", "INCOME_SHARE");
        assertThat(fx.unitsAllocated(lotAlice)).isEqualTo(3);
        assertThat(fx.unitsAllocated(lotBob)).isEqualTo(2);
        assertThat(fx.pending(alice)).isEqualTo(3_600);
        assertThat(fx.pending(bob)).isEqualTo(2_400);
        assertThat(fx.balance("revenue:agency:" + world.agencyId())).isEqualTo(4_000);
        List<Map<String, Object>> postings = jdbc.queryForList("SELECT p.debit_fen, p.credit_fen FROM posting p "
                + "JOIN journal_entry e ON e.id = p.entry_id WHERE e.idempotency_key = ?", "order-paid:" + orderId);
        assertThat(postings).hasSize(4);
        assertThat(postings.stream().mapToLong(p -> ((Number) p.get("debit_fen")).longValue()).sum())
                .isEqualTo(postings.stream().mapToLong(p -> ((Number) p.get("credit_fen")).longValue()).sum())
                .isEqualTo(10_000);
    }

    @Test
    void replayingAnEventPostsNothingMore() {
        long orderId = LedgerFixtures.id();
        PaidOrder paid = order(orderId, world.agencyId(), new PaidLine(LedgerFixtures.id(), sku, 2, 3_000, null));
        assertThat(ledger.onOrderPaid(paid)).isEqualTo(PostResult.POSTED);
        long head = fx.entriesOfOrder(orderId);
        assertThat(ledger.onOrderPaid(paid)).isEqualTo(PostResult.ALREADY_POSTED);
        assertThat(ledger.onOrdersPaid(List.of(paid, paid))).isZero();
        assertThat(fx.entries("order-paid:" + orderId)).isEqualTo(1);
        assertThat(fx.unitsAllocated(lotAlice)).isEqualTo(2);
        assertThat(fx.entriesOfOrder(orderId)).isEqualTo(head);
    }

    @Test
    void unitsWithoutALotLeftStayWithTheAgencyAndASkuWithItsOwnHouseholdCreditsItAll() {
        long product = fx.product(world.agencyId(), world.villageId(), "手工布鞋");
        long ownSku = fx.sku(product, "一双", 0, carol);
        long orderId = LedgerFixtures.id();
        long bigLine = LedgerFixtures.id();
        long ownLine = LedgerFixtures.id();
        ledger.onOrderPaid(order(orderId, world.agencyId(), new PaidLine(bigLine, sku, 10, 20_000, null),
                new PaidLine(ownLine, ownSku, 1, 8_800, carol)));

        assertThat(jdbc.queryForObject("SELECT units_unallocated FROM ledger_order_line WHERE order_line_id = ?",
                Integer.class, bigLine)).isEqualTo(3);
        // Alice 3 x 12.00; Bob 60% of 4/10 of 200.00 = 48.00; Carol all of 88.00
        assertThat(fx.pending(alice)).isEqualTo(3_600);
        assertThat(fx.pending(bob)).isEqualTo(4_800);
        assertThat(fx.pending(carol)).isEqualTo(8_800);
        assertThat(fx.balance("revenue:agency:" + world.agencyId())).isEqualTo(20_000 - 3_600 - 4_800);
        assertThat(fx.unitsAllocated(lotAlice) + fx.unitsAllocated(lotBob)).isEqualTo(7);
    }

    @Test
    void refundsReversePendingIncomeInProportionAndAFullRefundReversesAll() {
        long orderId = LedgerFixtures.id();
        long lineId = LedgerFixtures.id();
        ledger.onOrderPaid(order(orderId, world.agencyId(), new PaidLine(lineId, sku, 5, 10_000, null)));

        Refund partial = new Refund(LedgerFixtures.id(), orderId, lineId, 2_500, PAID_AT.plusSeconds(60));
        assertThat(ledger.onRefundSucceeded(partial)).isEqualTo(PostResult.POSTED);
        assertThat(ledger.onRefundSucceeded(partial)).isEqualTo(PostResult.ALREADY_POSTED);
        assertThat(fx.pending(alice) + fx.pending(bob)).isEqualTo(6_000 - 1_500); // a quarter of 60.00
        assertThat(fx.balance("refunds:agency:" + world.agencyId())).isEqualTo(-1_000);

        ledger.onRefundSucceeded(new Refund(LedgerFixtures.id(), orderId, lineId, 7_500, PAID_AT.plusSeconds(120)));
        assertThat(fx.pending(alice)).isZero();
        assertThat(fx.pending(bob)).isZero();
        assertThat(fx.balance("refunds:agency:" + world.agencyId())).isEqualTo(-4_000);
        assertThat(jdbc.queryForObject("SELECT SUM(reversed_fen) FROM ledger_allocation WHERE order_id = ?", Long.class, orderId))
                .isEqualTo(6_000);

        assertThatThrownBy(() -> ledger.onRefundSucceeded(new Refund(LedgerFixtures.id(), orderId, lineId, 1, PAID_AT)))
                .isInstanceOf(LedgerEventRejectedException.class);
    }

    @Test
    void eventsBeforeThePaymentAreNotReadyAndLeaveNoTrace() {
        long orderId = LedgerFixtures.id();
        long refundId = LedgerFixtures.id();
        assertThatThrownBy(() -> ledger.onRefundSucceeded(new Refund(refundId, orderId, LedgerFixtures.id(), 100, PAID_AT)))
                .isInstanceOf(LedgerEventNotReadyException.class);
        assertThatThrownBy(() -> ledger.onOrderReceived(new ReceiptConfirmed(orderId, PAID_AT)))
                .isInstanceOf(LedgerEventNotReadyException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_source_event WHERE order_id = ?", Long.class, orderId))
                .isZero();
    }

    @Test
    void incomeBecomesAvailableWhenTheAfterSaleWindowAfterReceiptCloses() {
        long orderId = LedgerFixtures.id();
        long lineId = LedgerFixtures.id();
        ledger.onOrderPaid(order(orderId, world.agencyId(), new PaidLine(lineId, sku, 1, 2_000, null)));
        assertThat(ledger.releaseIfDue(orderId, PAID_AT.plus(Duration.ofDays(30)))).isFalse(); // not received yet

        Instant received = PAID_AT.plus(Duration.ofDays(2));
        assertThat(ledger.onOrderReceived(new ReceiptConfirmed(orderId, received))).isEqualTo(PostResult.POSTED);
        assertThat(ledger.onOrderReceived(new ReceiptConfirmed(orderId, received))).isEqualTo(PostResult.ALREADY_POSTED);
        assertThat(ledger.releaseIfDue(orderId, received.plus(Duration.ofDays(7)).minusMillis(1))).isFalse();
        assertThat(fx.pending(alice)).isEqualTo(1_200);

        assertThat(ledger.releaseIfDue(orderId, received.plus(Duration.ofDays(7)))).isTrue();
        assertThat(ledger.releaseIfDue(orderId, received.plus(Duration.ofDays(8)))).isFalse();
        assertThat(fx.pending(alice)).isZero();
        assertThat(fx.available(alice)).isEqualTo(1_200);
        assertThat(fx.allocations(orderId)).extracting(a -> a.get("status")).containsOnly("AVAILABLE");

        // a refund after release is taken from available
        ledger.onRefundSucceeded(new Refund(LedgerFixtures.id(), orderId, lineId, 1_000, received.plus(Duration.ofDays(9))));
        assertThat(fx.available(alice)).isEqualTo(600);
    }

    @Test
    void theSameEventFromSixteenThreadsAtOncePostsOnce() throws Exception {
        long orderId = LedgerFixtures.id();
        long lineId = LedgerFixtures.id();
        PaidOrder paid = order(orderId, world.agencyId(), new PaidLine(lineId, sku, 4, 8_000, null));
        List<PostResult> results = concurrently(16, () -> ledger.onOrderPaid(paid));
        assertThat(results).filteredOn(r -> r == PostResult.POSTED).hasSize(1);
        assertThat(fx.entries("order-paid:" + orderId)).isEqualTo(1);
        assertThat(fx.unitsAllocated(lotAlice) + fx.unitsAllocated(lotBob)).isEqualTo(4);

        Refund refund = new Refund(LedgerFixtures.id(), orderId, lineId, 2_000, PAID_AT);
        List<PostResult> refunds = concurrently(16, () -> ledger.onRefundSucceeded(refund));
        assertThat(refunds).filteredOn(r -> r == PostResult.POSTED).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT refunded_fen FROM ledger_order_line WHERE order_line_id = ?", Long.class, lineId))
                .isEqualTo(2_000);
    }

    @Test
    void concurrentOrdersNeverAllocateMoreUnitsThanTheLotsHold() throws Exception {
        List<Long> orderIds = new ArrayList<>();
        List<Callable<PostResult>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long orderId = LedgerFixtures.id();
            orderIds.add(orderId);
            PaidOrder paid = order(orderId, world.agencyId(), new PaidLine(LedgerFixtures.id(), sku, 1, 1_000, null));
            calls.add(() -> ledger.onOrderPaid(paid));
        }
        List<PostResult> results = run(calls);
        assertThat(results).containsOnly(PostResult.POSTED);
        assertThat(fx.unitsAllocated(lotAlice)).isEqualTo(3);
        assertThat(fx.unitsAllocated(lotBob)).isEqualTo(4);
        long allocatedUnits = orderIds.stream().mapToLong(id -> fx.allocations(id).stream()
                .mapToLong(a -> ((Number) a.get("units")).longValue()).sum()).sum();
        assertThat(allocatedUnits).isEqualTo(7); // 5 orders found no lot: their income stayed with the agency
    }

    private static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            calls.add(call);
        }
        return run(calls);
    }

    private static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
