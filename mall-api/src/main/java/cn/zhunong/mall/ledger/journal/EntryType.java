package cn.zhunong.mall.ledger.journal;

/** Why an entry was posted; with the source ids on the entry it says which event caused it. */
public enum EntryType {
    /** Debit clearing; credit households' pending income and the agency's revenue. */
    ORDER_PAID,
    /** Credit clearing; debit households' pending/available income and the agency's refunds. */
    REFUND,
    /** The after-sale window closed: debit pending, credit available. */
    RELEASE,
    /** 打款到户: debit available, credit paid. */
    PAYOUT
}
