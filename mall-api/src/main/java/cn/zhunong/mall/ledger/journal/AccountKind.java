package cn.zhunong.mall.ledger.journal;

/** The ledger's kinds of account. Balances are read credit minus debit, except for CLEARING (an asset). */
public enum AccountKind {
    /** Money held at the payment provider: debited when orders are paid, credited by refunds. */
    CLEARING,
    /** The agency's share of sales (what households are not credited). */
    REVENUE,
    /** The agency's share of refunds (contra-revenue), so gross revenue stays visible. */
    REFUNDS,
    /** Household income inside the after-sale window. */
    HOUSEHOLD_PENDING,
    /** Household income that may be paid out; negative when a refund came after payout. */
    HOUSEHOLD_AVAILABLE,
    /** Household income paid out (打款到户), cumulative. */
    HOUSEHOLD_PAID
}
