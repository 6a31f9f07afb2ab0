/**
 * Household income ledger (DESIGN.md §5): every sale credited to the household that produced it,
 * to the fen.
 *
 * <h2>Contract with the orders side</h2>
 * {@link cn.zhunong.mall.ledger.intake.LedgerIntake} consumes the outbox stream (consumer group
 * {@code ledger}) and calls {@link cn.zhunong.mall.ledger.LedgerService} outside any transaction,
 * with facts read from the orders tables by the event's ids: {@code onOrderPaid(PaidOrder)} (key
 * {@code order-paid:<orderId>}; for a group-buy order only once GROUP_BUY_SUCCEEDED names it),
 * {@code onRefundSucceeded(Refund)} ({@code refund:<refundId>}; the goods part of the refund),
 * {@code onOrderReceived(ReceiptConfirmed)} ({@code order-received:<orderId>}). Every call is
 * idempotent (unique keys on ledger_source_event and journal_entry) and answers POSTED or
 * ALREADY_POSTED; {@code LedgerEventNotReadyException} means "redeliver later" (e.g. a refund
 * before its payment: the stream entry stays pending and is reclaimed), {@code
 * LedgerEventRejectedException} means "never postable" (e.g. refund beyond the line: parked in
 * ledger_rejected_event and acknowledged). {@code PaidOrder.buyerUserId} is orders.user_id; the
 * order-impact endpoint checks ownership against the orders table.
 *
 * <h2>Allocation rules (decided here)</h2>
 * <ul>
 *   <li>A SKU that names one household ({@code PaidLine.skuHouseholdId}, snapshot of
 *       sku.household_id): all units go to it with 100% of the line's net amount (rule
 *       SKU_HOUSEHOLD); the agency sells on its behalf and takes no margin; no lot is consumed.</li>
 *   <li>Otherwise units are taken FIFO (received_on, id) from the SKU's source lots with
 *       conditional updates; a lot earns its 收购价 x units, or its basis points of its units' part
 *       of the line's net amount (largest remainder across the share lots, so no fen appears or
 *       vanishes). If the total would exceed the net amount (discount below 收购价) the net
 *       amount is split instead: a line never credits more than the buyer paid.</li>
 *   <li>Units no lot covers stay with the agency (its revenue account), counted in
 *       ledger_order_line.units_unallocated.</li>
 * </ul>
 *
 * <h2>Journal</h2>
 * Accounts {@code clearing:alipay | clearing:bank-transfer | clearing:offline} (one per
 * orders.payment_method, carried in {@code PaidOrder.paymentMethod}; a refund credits the one its
 * payment debited, and the internal reconciliation sums them all), {@code revenue:agency:<id>}, {@code refunds:agency:<id>}
 * (contra-revenue) and {@code household:<id>:pending|available|paid}. Entries: ORDER_PAID (debit
 * clearing; credit pending and revenue), REFUND (credit clearing; debit pending — or available
 * once released, which goes negative after payout and is offset by the next batch — and the
 * agency's refunds account; reversal = floor(line income x refunded / net), split by largest
 * remainder), RELEASE (pending to available when the after-sale window after receipt closes),
 * PAYOUT (available to paid). Entries are appended only by {@code JournalWriter}: ids are a
 * gap-free sequence handed out under the {@code ledger_chain_head} row lock, each entry's SHA-256
 * covers its content, postings and the previous hash, and account_balance is updated in the same
 * transaction. Nothing in the journal is ever updated or deleted.
 *
 * <h2>Concurrency</h2>
 * READ COMMITTED transactions retried on lost races (deadlock, lot taken, duplicate event in
 * flight). Lock order: source lots / order / allocation rows first, chain head last, so the
 * serialised part is only the journal inserts. Status changes are compare-and-set updates.
 *
 * <h2>External reconciliation</h2>
 * {@link cn.zhunong.mall.ledger.reconcile.ExternalBillReconciliation} compares a day's Alipay
 * trade bill with the payments and refunds recorded on the orders side.
 */
package cn.zhunong.mall.ledger;
