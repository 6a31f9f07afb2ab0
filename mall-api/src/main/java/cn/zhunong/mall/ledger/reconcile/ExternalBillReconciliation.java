package cn.zhunong.mall.ledger.reconcile;

import java.io.InputStream;
import java.time.LocalDate;

/**
 * External reconciliation against the payment provider's trade bill (the CSV inside the ZIP that
 * alipay.data.dataservice.bill.downloadurl.query points to). Not implemented yet: it needs the
 * payments table (which trade belongs to which order) and the simulator's bill, both owned by the
 * payments feature. Planned result per bill day: matched, missing internally, missing in the
 * bill, amount mismatches, each with a trade query for the missing ones; internally it compares
 * against the clearing account's movements per order (see {@link LedgerReconciler}).
 */
public interface ExternalBillReconciliation {

    /** TODO(payments): import a bill for {@code day} and report the differences. */
    ReconciliationReport reconcile(LocalDate day, InputStream billZip);
}
