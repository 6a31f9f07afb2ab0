package cn.zhunong.alipaysim;

/** Ways to forge an async notify, to test that the merchant rejects it. */
public enum Forgery {
    /** correct parameters, signature by a key that is not Alipay's */
    BAD_SIGNATURE,
    /** a parameter changed after signing: total_amount + 1 fen, signature no longer matches */
    TAMPERED_AMOUNT,
    /** correctly signed by the simulator, but total_amount is 1 fen more than the trade's */
    WRONG_AMOUNT,
    /** correctly signed, but app_id (and auth_app_id) is another app's */
    WRONG_APP_ID,
    /** correctly signed, but seller_id is another merchant's */
    WRONG_SELLER_ID,
    /** correctly signed, but out_trade_no is one the merchant never created */
    UNKNOWN_OUT_TRADE_NO,
    /** no sign parameter at all */
    MISSING_SIGNATURE
}
