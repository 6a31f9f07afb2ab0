package cn.zhunong.mall.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.ledger.LedgerFixtures.World;
import cn.zhunong.mall.ledger.reconcile.LedgerProblem;
import cn.zhunong.mall.ledger.reconcile.LedgerReconciler;
import cn.zhunong.mall.ledger.reconcile.LedgerVerifier;
import cn.zhunong.mall.ledger.reconcile.ReconciliationReport;
import cn.zhunong.mall.ledger.reconcile.VerificationReport;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain check and the internal reconciliation find what plain SQL changed behind the
 * ledger's back. Each test restores the row it changed (the database is shared with other tests).
 */
class LedgerVerificationTest extends ApiTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerVerifier verifier;
    @Autowired
    LedgerReconciler reconciler;
    @Autowired
    JdbcTemplate jdbc;

    LedgerFixtures fx;
    World world;
    long household;
    long orderId;
    long lineId;
    long entryId;

    @BeforeEach
    void setUp() {
        fx = new LedgerFixtures(jdbc, data);
        world = fx.world();
        household = fx.household(world.villageId(), false, null);
        long sku = fx.sku(fx.product(world.agencyId(), world.villageId(), "蜂蜜"), "500g", 1_000, null);
        fx.lot(sku, household, 10, null, 5_000, LocalDate.now());
        orderId = LedgerFixtures.id();
        lineId = LedgerFixtures.id();
        ledger.onOrderPaid(LedgerPostingTest.order(orderId, world.agencyId(), new PaidLine(lineId, sku, 2, 9_999, null)));
        ledger.onRefundSucceeded(new Refund(LedgerFixtures.id(), orderId, lineId, 3_333, LedgerPostingTest.PAID_AT));
        entryId = jdbc.queryForObject("SELECT id FROM journal_entry WHERE idempotency_key = ?", Long.class, "order-paid:" + orderId);
    }

    @Test
    void anUntouchedLedgerVerifiesAndReconciles() {
        VerificationReport verification = verifier.verify();
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.ok()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(verification.lastEntryId()).isGreaterThanOrEqualTo(entryId);
        ReconciliationReport reconciliation = reconciler.reconcile();
        assertThat(reconciliation.problems()).isEmpty();
        assertThat(reconciliation.totals().allocatedFen()).isEqualTo(reconciliation.totals().householdCreditsFen());
        assertThat(reconciliation.totals().paidFen() - reconciliation.totals().refundedFen())
                .isEqualTo(reconciliation.totals().clearingDebitsFen() - reconciliation.totals().clearingCreditsFen());
    }

    @Test
    void changingOnePostingAmountIsDetectedByTheChainCheck() {
        String where = " WHERE entry_id = " + entryId + " AND line_no = 2";
        jdbc.update("UPDATE posting SET credit_fen = credit_fen + 100" + where);
        try {
            VerificationReport report = verifier.verify();
            assertThat(report.ok()).isFalse();
            assertThat(report.problems()).extracting(LedgerProblem::kind)
                    .contains("HASH_MISMATCH", "ENTRY_UNBALANCED", "BALANCE_MISMATCH");
            assertThat(report.problems()).filteredOn(p -> p.kind().equals("HASH_MISMATCH")).singleElement()
                    .satisfies(p -> assertThat(p.rows()).contains("journal_entry#" + entryId, "posting#" + entryId + "/2"));
        } finally {
            jdbc.update("UPDATE posting SET credit_fen = credit_fen - 100" + where);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void rewritingAHashIsCaughtByTheNextEntrysLink() {
        String hash = jdbc.queryForObject("SELECT hash FROM journal_entry WHERE id = ?", String.class, entryId);
        jdbc.update("UPDATE journal_entry SET hash = ? WHERE id = ?", "f".repeat(64), entryId);
        try {
            assertThat(verifier.verify().problems()).extracting(LedgerProblem::kind)
                    .contains("HASH_MISMATCH", "PREV_HASH_MISMATCH");
        } finally {
            jdbc.update("UPDATE journal_entry SET hash = ? WHERE id = ?", hash, entryId);
        }
    }

    @Test
    void theVerifyEndpointIsForPlatformAdminsOnly() {
        Api.Response ok = api().post("/api/v1/admin/ledger/verify", data.admin().token(), "");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("ok").asBoolean()).isTrue();
        assertThat(api().post("/api/v1/admin/ledger/verify", world.staff().token(), "").status()).isEqualTo(403);
        assertThat(api().post("/api/v1/admin/ledger/reconcile", data.admin().token(), "").json().path("ok").asBoolean()).isTrue();
        assertThat(api().post("/api/v1/admin/ledger/reconcile", null, "").status()).isEqualTo(401);
    }

    @Test
    void reconciliationFindsAnAllocationThatNoPostingBacks() {
        plant("UPDATE ledger_allocation SET income_fen = income_fen + 7 WHERE order_line_id = " + lineId,
                "UPDATE ledger_allocation SET income_fen = income_fen - 7 WHERE order_line_id = " + lineId,
                "ALLOCATION_CREDIT_MISMATCH", "household#" + household, "ledger_allocation#");
    }

    @Test
    void reconciliationFindsABalanceThatDriftedFromItsPostings() {
        long account = jdbc.queryForObject("SELECT id FROM ledger_account WHERE code = ?", Long.class,
                "household:" + household + ":pending");
        plant("UPDATE account_balance SET credit_total_fen = credit_total_fen + 1 WHERE account_id = " + account,
                "UPDATE account_balance SET credit_total_fen = credit_total_fen - 1 WHERE account_id = " + account,
                "BALANCE_MISMATCH", "ledger_account#" + account, "account_balance#" + account);
    }

    @Test
    void reconciliationFindsClearingMovementsThatDifferFromWhatWasPaid() {
        plant("UPDATE ledger_source_event SET amount_fen = amount_fen + 50 WHERE event_key = 'order-paid:" + orderId + "'",
                "UPDATE ledger_source_event SET amount_fen = amount_fen - 50 WHERE event_key = 'order-paid:" + orderId + "'",
                "CLEARING_MISMATCH", "order#" + orderId, "ledger_source_event#");
    }

    @Test
    void reconciliationFindsALineCreditedBeyondItsNetAmountAndARefundNotRecordedOnItsLine() {
        plant("UPDATE ledger_order_line SET net_amount_fen = 1, refunded_fen = 0 WHERE order_line_id = " + lineId,
                "UPDATE ledger_order_line SET net_amount_fen = 9999, refunded_fen = 3333 WHERE order_line_id = " + lineId,
                "LINE_OVER_ALLOCATED", "order_line#" + lineId, "ledger_order_line#" + lineId);
        plant("UPDATE ledger_order_line SET refunded_fen = 3000 WHERE order_line_id = " + lineId,
                "UPDATE ledger_order_line SET refunded_fen = 3333 WHERE order_line_id = " + lineId,
                "LINE_REFUND_MISMATCH", "order_line#" + lineId, "ledger_order_line#" + lineId);
    }

    @Test
    void reconciliationFindsAHouseholdWhosePendingIncomeDisagreesWithItsAllocations() {
        plant("UPDATE ledger_allocation SET status = 'AVAILABLE' WHERE order_line_id = " + lineId,
                "UPDATE ledger_allocation SET status = 'PENDING' WHERE order_line_id = " + lineId,
                "PENDING_DRIFT", "household#" + household, "ledger_allocation#");
    }

    /** Plants a discrepancy, checks the report names it with its rows, and restores the data. */
    private void plant(String damage, String repair, String kind, String subject, String rowPrefix) {
        jdbc.update(damage);
        try {
            List<LedgerProblem> problems = reconciler.reconcile().problems();
            assertThat(problems).filteredOn(p -> p.kind().equals(kind) && p.subject().equals(subject)).singleElement()
                    .satisfies(p -> assertThat(p.rows()).anyMatch(r -> r.startsWith(rowPrefix)));
        } finally {
            jdbc.update(repair);
        }
        assertThat(reconciler.reconcile().problems()).isEmpty();
    }
}
