package cn.zhunong.mall.ledger.reconcile;

import java.time.LocalDate;

/**
 * External reconciliation against the payment provider's trade bill (the CSV inside the ZIP that
 * alipay.data.dataservice.bill.downloadurl.query points to): per bill day, the payments and
 * refunds in the bill against those recorded on the orders side (orders.paid_fen, refund rows) —
 * matched, missing internally, missing in the bill, amount mismatches — with a trade query for
 * every missing one. The internal side (clearing movements per order) is {@link LedgerReconciler}'s.
 */
public interface ExternalBillReconciliation {

    /** Downloads the provider's bill of {@code day} (Asia/Shanghai) and reports the differences. */
    BillReconciliationReport reconcile(LocalDate day);

    /** The same for a bill file a person obtained: the ZIP as downloaded, or its detail CSV. */
    BillReconciliationReport reconcile(LocalDate day, byte[] billFile);
}
