package cn.zhunong.mall.ledger.reconcile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One bill day reconciled against our records. {@code ok} when nothing is missing on either side
 * and every amount agrees.
 *
 * @param source DOWNLOAD (fetched from Alipay now) or UPLOAD
 */
public record BillReconciliationReport(LocalDate day, String source, String account, boolean ok, Instant checkedAt,
        Section trades, Section refunds, List<LedgerDifference> ledger) {

    /**
     * A payment or refund the bill and our records agree on, but the household ledger did not post
     * as expected: not posted (yet — the intake may lag by seconds) or with another amount. The
     * ledger records goods only: an order's goods_fen, a refund's amount up to its line.
     *
     * @param kind        PAYMENT or REFUND
     * @param note        LEDGER_NOT_POSTED or LEDGER_AMOUNT_DIFFERS
     * @param expectedFen what the ledger should have recorded
     * @param ledgerFen   what it recorded (null when nothing)
     */
    public record LedgerDifference(String kind, String outTradeNo, long orderId, String outRequestNo, Long refundId,
            long expectedFen, Long ledgerFen, String note) {
    }

    /**
     * Payments (keyed by out_trade_no = our order number) or refunds (keyed by out_request_no).
     *
     * @param billFen           Σ of the bill's rows (商家实收; refunds as positive amounts)
     * @param ourFen            Σ of what we recorded for the day
     * @param missingInternally in the bill, but we have no such payment / successful refund
     * @param missingInBill     we recorded it for the day, the bill does not have it
     * @param amountMismatches  on both sides with different amounts
     */
    public record Section(int billCount, long billFen, int ourCount, long ourFen, List<Item> matched,
            List<Item> missingInternally, List<Item> missingInBill, List<Item> amountMismatches) {

        boolean clean() {
            return missingInternally.isEmpty() && missingInBill.isEmpty() && amountMismatches.isEmpty();
        }
    }

    /**
     * @param note       e.g. PAID_ON_OTHER_DAY, PAID_AFTER_CLOSE, REFUND_NOT_SUCCEEDED, TRADE_NO_DIFFERS
     * @param tradeQuery alipay.trade.query's answer, for missing ones
     */
    public record Item(String outTradeNo, Long orderId, String alipayTradeNo, String outRequestNo, Long refundId, Long billFen,
            Long ourFen, String note, TradeQuery tradeQuery) {
    }

    /** What alipay.trade.query said about the trade; {@code error} when it could not be asked. */
    public record TradeQuery(boolean exists, String status, String tradeNo, Long totalFen, String error) {
    }
}
