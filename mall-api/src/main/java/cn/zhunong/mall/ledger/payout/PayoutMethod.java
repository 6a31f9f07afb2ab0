package cn.zhunong.mall.ledger.payout;

/** How the money reached the household. */
public enum PayoutMethod {
    /** 银行代发 / transfer: reference = the bank's serial number. */
    BANK,
    /** 现金: reference = the receipt number; proof = the signed receipt. */
    CASH
}
