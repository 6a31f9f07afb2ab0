package cn.zhunong.mall.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhunong.mall.ledger.LedgerFixtures.World;
import cn.zhunong.mall.ledger.reconcile.LedgerReconciler;
import cn.zhunong.mall.ledger.reconcile.ReconciliationReport;
import cn.zhunong.mall.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The clearing account follows the order's payment method, for the payment, its refunds and the reconciliation. */
class ClearingByPaymentMethodTest extends ApiTest {

    static final Instant PAID_AT = Instant.now().plus(Duration.ofDays(365));

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerReconciler reconciler;
    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures fx;
    World world;
    long household;
    long sku;

    @BeforeEach
    void setUp() {
        fx = new LedgerFixtures(jdbc, data);
        world = fx.world();
        household = fx.household(world.villageId(), false, null);
        sku = fx.sku(fx.product(world.agencyId(), world.villageId(), "企业团购苹果"), "10斤装", 10_000, household);
    }

    @Test
    void eachMethodDebitsItsOwnClearingAccountAndItsRefundCreditsTheSame() {
        List<String> subjects = new java.util.ArrayList<>();
        for (String method : List.of("ALIPAY", "BANK_TRANSFER", "OFFLINE")) {
            long orderId = LedgerFixtures.id();
            subjects.add("order#" + orderId);
            long lineId = LedgerFixtures.id();
            assertThat(ledger.onOrderPaid(new PaidOrder(orderId, world.agencyId(), null, PAID_AT,
                    List.of(new PaidLine(lineId, sku, 2, 6_000, household)), null, method))).isEqualTo(PostResult.POSTED);
            assertThat(ledger.onRefundSucceeded(new Refund(LedgerFixtures.id(), orderId, lineId, 2_500, PAID_AT.plusSeconds(60))))
                    .isEqualTo(PostResult.POSTED);

            String expected = switch (method) {
                case "ALIPAY" -> "clearing:alipay";
                case "BANK_TRANSFER" -> "clearing:bank-transfer";
                default -> "clearing:offline";
            };
            List<Map<String, Object>> clearing = jdbc.queryForList("SELECT a.code, e.type, p.debit_fen, p.credit_fen "
                    + "FROM journal_entry e JOIN posting p ON p.entry_id = e.id JOIN ledger_account a ON a.id = p.account_id "
                    + "WHERE e.order_id = ? AND a.kind = 'CLEARING' ORDER BY e.id", orderId);
            assertThat(clearing).extracting(r -> r.get("code")).containsExactly(expected, expected);
            assertThat(clearing).extracting(r -> ((Number) r.get("debit_fen")).longValue()).containsExactly(6_000L, 0L);
            assertThat(clearing).extracting(r -> ((Number) r.get("credit_fen")).longValue()).containsExactly(0L, 2_500L);
        }
        assertThat(fx.pending(household)).isEqualTo(3 * (6_000 - 2_500));

        // the internal reconciliation sums every clearing account: none of these orders differs
        ReconciliationReport report = reconciler.reconcile();
        assertThat(report.problems()).noneMatch(p -> "CLEARING_MISMATCH".equals(p.kind()) && subjects.contains(p.subject()));
    }

    @Test
    void anUnknownPaymentMethodIsRefused() {
        assertThatThrownBy(() -> new PaidOrder(1, world.agencyId(), null, PAID_AT, List.of(), null, "CASH"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
