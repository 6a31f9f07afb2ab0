package cn.zhunong.mall.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.ledger.LedgerFixtures.World;
import cn.zhunong.mall.ledger.payout.ConfirmReceiptRequest;
import cn.zhunong.mall.ledger.payout.CreatePayoutBatchRequest;
import cn.zhunong.mall.ledger.payout.MarkPaidRequest;
import cn.zhunong.mall.ledger.payout.PayoutBatchResponse;
import cn.zhunong.mall.ledger.payout.PayoutItemResponse;
import cn.zhunong.mall.ledger.payout.PayoutMethod;
import cn.zhunong.mall.ledger.payout.PayoutService;
import cn.zhunong.mall.ledger.reconcile.LedgerReconciler;
import cn.zhunong.mall.ledger.reconcile.LedgerVerifier;
import cn.zhunong.mall.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeTry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

/**
 * Random sequences of payments, partial and full refunds, receipts, window closings, payouts,
 * confirmations and replays, run against the real database of the shared Spring context: after
 * every step each invariant of the ledger holds for the households, orders and accounts of the
 * try, and at the end the whole journal verifies and reconciles.
 */
class LedgerInvariantProperties extends ApiTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    PayoutService payouts;
    @Autowired
    LedgerVerifier verifier;
    @Autowired
    LedgerReconciler reconciler;
    @Autowired
    JdbcTemplate jdbc;

    /** jqwik does not run Spring's JUnit extension: take the shared context's beans by hand. */
    @BeforeTry
    void injectSpringBeans() throws Exception {
        if (ledger == null) {
            new TestContextManager(getClass()).prepareTestInstance(this);
        }
    }

    sealed interface Action permits Pay, Refund, Receive, CloseWindow, Payout, Confirm, Replay {
    }

    record Pay(List<int[]> lines) implements Action {
    }

    /** percent 100 = refund everything left on the line. */
    record Refund(int order, int line, int percent) implements Action {
    }

    record Receive(int order) implements Action {
    }

    record CloseWindow(int order) implements Action {
    }

    record Payout() implements Action {
    }

    record Confirm() implements Action {
    }

    record Replay(int event) implements Action {
    }

    @Property(tries = 40)
    void everyInvariantHoldsAfterEveryStep(@ForAll("actions") List<Action> actions) {
        Run run = new Run();
        for (Action action : actions) {
            run.apply(action);
            run.checkInvariants();
        }
        assertThat(verifier.verify().problems()).isEmpty();
        assertThat(reconciler.reconcile().problems()).isEmpty();
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<int[]> line = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 20_000)).as((sku, qty, net) -> new int[] {sku, qty, net});
        Arbitrary<Action> pay = line.list().ofMinSize(1).ofMaxSize(3).map(Pay::new);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 20);
        Arbitrary<Action> refund = Combinators.combine(index, index, Arbitraries.of(1, 10, 33, 50, 99, 100, 100)).as(Refund::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, pay),
                net.jqwik.api.Tuple.of(3, refund),
                net.jqwik.api.Tuple.of(2, index.map(Receive::new)),
                net.jqwik.api.Tuple.of(2, index.map(CloseWindow::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Payout())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Confirm())),
                net.jqwik.api.Tuple.of(2, index.map(Replay::new)))
                .list().ofMinSize(3).ofMaxSize(16);
    }

    /** One try: its own agency, village, households, SKUs and lots, and a model of what it posted. */
    final class Run {

        final LedgerFixtures fx = new LedgerFixtures(jdbc, data);
        final World world = fx.world();
        final CurrentUser staff = new CurrentUser(world.staff().userId(), Role.AGENCY_STAFF, world.agencyId(), null);
        final List<Long> households = new ArrayList<>();
        final long[] skus = new long[3];
        final List<long[]> orders = new ArrayList<>(); // [orderId, receivedAtMillis or 0]
        final Map<Long, long[]> lines = new HashMap<>(); // lineId -> [orderId, net, refunded]
        final Map<Long, List<Long>> linesOfOrder = new HashMap<>();
        final List<Object> events = new ArrayList<>();
        final long firstEntry;
        final Instant base = LedgerPostingTest.PAID_AT;

        Run() {
            for (int i = 0; i < 3; i++) {
                households.add(fx.household(world.villageId(), i % 2 == 0, "测试村 户" + i));
            }
            long product = fx.product(world.agencyId(), world.villageId(), "土鸡蛋");
            skus[0] = fx.sku(product, "30枚", 3_000, null);
            skus[1] = fx.sku(product, "60枚", 6_000, null);
            skus[2] = fx.sku(product, "自家 30枚", 3_000, households.get(2));
            LocalDate day = LocalDate.now();
            fx.lot(skus[0], households.get(0), 4, 900L, null, day.minusDays(3));
            fx.lot(skus[0], households.get(1), 6, null, 7_000, day.minusDays(2));
            fx.lot(skus[1], households.get(1), 3, 2_500L, null, day.minusDays(2));
            fx.lot(skus[1], households.get(0), 5, null, 3_333, day.minusDays(1));
            firstEntry = fx.maxEntryId();
        }

        void apply(Action action) {
            if (action instanceof Pay pay) {
                pay(pay);
            } else if (action instanceof Refund refund) {
                refund(refund);
            } else if (action instanceof Receive receive) {
                receive(receive.order());
            } else if (action instanceof CloseWindow close) {
                close(close.order());
            } else if (action instanceof Payout) {
                payout();
            } else if (action instanceof Confirm) {
                confirm();
            } else if (action instanceof Replay replay) {
                replay(replay.event());
            }
        }

        void pay(Pay pay) {
            long orderId = LedgerFixtures.id();
            List<PaidLine> paidLines = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (int[] l : pay.lines()) {
                long lineId = LedgerFixtures.id();
                Long own = l[0] == 2 ? households.get(2) : null;
                paidLines.add(new PaidLine(lineId, skus[l[0]], l[1], l[2], own));
                lines.put(lineId, new long[] {orderId, l[2], 0});
                ids.add(lineId);
            }
            PaidOrder order = new PaidOrder(orderId, world.agencyId(), null, base, paidLines, null);
            assertThat(ledger.onOrderPaid(order)).isEqualTo(PostResult.POSTED);
            orders.add(new long[] {orderId, 0});
            linesOfOrder.put(orderId, ids);
            events.add(order);
        }

        void refund(Refund refund) {
            if (orders.isEmpty()) {
                return;
            }
            long orderId = orders.get(refund.order() % orders.size())[0];
            List<Long> ids = linesOfOrder.get(orderId);
            long lineId = ids.get(refund.line() % ids.size());
            long[] line = lines.get(lineId);
            long left = line[1] - line[2];
            long amount = refund.percent() == 100 ? left : Math.max(1, left * refund.percent() / 100);
            if (left <= 0 || amount <= 0) {
                return;
            }
            cn.zhunong.mall.ledger.Refund event = new cn.zhunong.mall.ledger.Refund(LedgerFixtures.id(), orderId, lineId, amount,
                    base.plusSeconds(60));
            assertThat(ledger.onRefundSucceeded(event)).isEqualTo(PostResult.POSTED);
            line[2] += amount;
            events.add(event);
        }

        void receive(int index) {
            if (orders.isEmpty()) {
                return;
            }
            long[] order = orders.get(index % orders.size());
            Instant received = base.plus(Duration.ofDays(1));
            PostResult result = ledger.onOrderReceived(new ReceiptConfirmed(order[0], received));
            assertThat(result).isEqualTo(order[1] == 0 ? PostResult.POSTED : PostResult.ALREADY_POSTED);
            if (order[1] == 0) {
                order[1] = received.toEpochMilli();
                events.add(new ReceiptConfirmed(order[0], received));
            }
        }

        void close(int index) {
            if (orders.isEmpty()) {
                return;
            }
            long[] order = orders.get(index % orders.size());
            Instant after = base.plus(Duration.ofDays(9));
            boolean released = ledger.releaseIfDue(order[0], after);
            if (order[1] == 0) {
                assertThat(released).isFalse(); // the window only starts at receipt
            }
            assertThat(ledger.releaseIfDue(order[0], after)).isFalse(); // never twice
        }

        void payout() {
            PayoutBatchResponse batch;
            try {
                batch = payouts.create(staff, new CreatePayoutBatchRequest(world.villageId(), null), null);
            } catch (ApiException e) {
                assertThat(e.code()).isEqualTo("PAYOUT_NOTHING_TO_PAY");
                return;
            }
            for (PayoutItemResponse item : batch.items()) {
                payouts.markPaid(staff, batch.id(), item.id(), new MarkPaidRequest(PayoutMethod.BANK, "T" + item.id()));
                payouts.markPaid(staff, batch.id(), item.id(), new MarkPaidRequest(PayoutMethod.BANK, "T" + item.id()));
            }
        }

        void confirm() {
            List<Map<String, Object>> paid = jdbc.queryForList("SELECT i.id, i.batch_id FROM payout_item i JOIN payout_batch b "
                    + "ON b.id = i.batch_id WHERE b.village_id = ? AND i.status = 'PAID_OUT'", world.villageId());
            for (Map<String, Object> item : paid) {
                long batch = ((Number) item.get("batch_id")).longValue();
                long id = ((Number) item.get("id")).longValue();
                payouts.uploadProof(staff, batch, id, PayoutApiTest.PNG);
                payouts.confirm(staff, batch, id, new ConfirmReceiptRequest("已签收"));
                payouts.confirm(staff, batch, id, new ConfirmReceiptRequest("已签收"));
            }
        }

        void replay(int index) {
            if (events.isEmpty()) {
                return;
            }
            Object event = events.get(index % events.size());
            long orderId = event instanceof PaidOrder o ? o.orderId()
                    : event instanceof cn.zhunong.mall.ledger.Refund r ? r.orderId() : ((ReceiptConfirmed) event).orderId();
            long head = fx.entriesOfOrder(orderId);
            PostResult result;
            if (event instanceof PaidOrder o) {
                result = ledger.onOrderPaid(o);
            } else if (event instanceof cn.zhunong.mall.ledger.Refund r) {
                result = ledger.onRefundSucceeded(r);
            } else {
                result = ledger.onOrderReceived((ReceiptConfirmed) event);
            }
            assertThat(result).isEqualTo(PostResult.ALREADY_POSTED);
            assertThat(fx.entriesOfOrder(orderId)).as("a replay posts nothing").isEqualTo(head);
        }

        void checkInvariants() {
            // every entry of this try balances and has two or more one-sided postings
            assertThat(jdbc.queryForList("SELECT entry_id FROM posting WHERE entry_id > ? GROUP BY entry_id "
                    + "HAVING SUM(debit_fen) <> SUM(credit_fen) OR COUNT(*) < 2", Long.class, firstEntry)).isEmpty();
            // the try's accounts: stored balance = Σ postings
            assertThat(jdbc.queryForList("SELECT a.code FROM ledger_account a JOIN account_balance b ON b.account_id = a.id "
                    + "LEFT JOIN (SELECT account_id, SUM(debit_fen) d, SUM(credit_fen) c FROM posting GROUP BY account_id) p "
                    + "ON p.account_id = a.id WHERE (a.household_id IN (?, ?, ?) OR a.agency_id = ?) "
                    + "AND (b.debit_total_fen <> COALESCE(p.d, 0) OR b.credit_total_fen <> COALESCE(p.c, 0))", String.class,
                    households.get(0), households.get(1), households.get(2), world.agencyId())).isEmpty();
            for (Map.Entry<Long, long[]> e : lines.entrySet()) {
                Map<String, Object> l = jdbc.queryForMap("SELECT l.refunded_fen, l.net_amount_fen, COALESCE(SUM(a.income_fen), 0) AS income, "
                        + "COALESCE(SUM(a.reversed_fen), 0) AS reversed FROM ledger_order_line l LEFT JOIN ledger_allocation a "
                        + "ON a.order_line_id = l.order_line_id WHERE l.order_line_id = ? GROUP BY l.order_line_id, l.refunded_fen, "
                        + "l.net_amount_fen", e.getKey());
                assertThat(number(l.get("refunded_fen"))).isEqualTo(e.getValue()[2]);
                assertThat(number(l.get("income"))).isBetween(0L, e.getValue()[1]); // Σ allocations of a line ≤ net
                assertThat(number(l.get("reversed"))).isBetween(0L, number(l.get("income")));
                if (e.getValue()[2] == e.getValue()[1] && e.getValue()[1] > 0) {
                    assertThat(number(l.get("reversed"))).isEqualTo(number(l.get("income"))); // fully refunded: all reversed
                }
            }
            for (long household : households) {
                long held = number(jdbc.queryForObject("SELECT COALESCE(SUM(income_fen - reversed_fen), 0) FROM ledger_allocation "
                        + "WHERE household_id = ?", Long.class, household));
                long pendingHeld = number(jdbc.queryForObject("SELECT COALESCE(SUM(income_fen - reversed_fen), 0) "
                        + "FROM ledger_allocation WHERE household_id = ? AND status = 'PENDING'", Long.class, household));
                long paidItems = number(jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM payout_item "
                        + "WHERE household_id = ? AND status IN ('PAID_OUT','CONFIRMED')", Long.class, household));
                assertThat(fx.pending(household) + fx.available(household) + fx.paid(household))
                        .as("no drift of household %d", household).isEqualTo(held);
                assertThat(fx.pending(household)).isEqualTo(pendingHeld);
                assertThat(fx.paid(household)).isEqualTo(paidItems);
            }
            for (long[] order : orders) {
                long paid = linesOfOrder.get(order[0]).stream().mapToLong(id -> lines.get(id)[1]).sum();
                long refunded = linesOfOrder.get(order[0]).stream().mapToLong(id -> lines.get(id)[2]).sum();
                long clearing = number(jdbc.queryForObject("SELECT COALESCE(SUM(p.debit_fen - p.credit_fen), 0) FROM posting p "
                        + "JOIN journal_entry e ON e.id = p.entry_id JOIN ledger_account a ON a.id = p.account_id "
                        + "WHERE e.order_id = ? AND a.code = 'clearing:alipay'", Long.class, order[0]));
                assertThat(clearing).as("clearing of order %d", order[0]).isEqualTo(paid - refunded);
            }
            assertThat(jdbc.queryForList("SELECT l.id FROM source_lot l JOIN sku s ON s.id = l.sku_id JOIN product p ON "
                    + "p.id = s.product_id WHERE p.agency_id = ? AND l.units_allocated <> (SELECT COALESCE(SUM(a.units), 0) "
                    + "FROM ledger_allocation a WHERE a.lot_id = l.id)", Long.class, world.agencyId())).isEmpty();
        }

        private long number(Object value) {
            return value == null ? 0 : ((Number) value).longValue();
        }
    }
}
