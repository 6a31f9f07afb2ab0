package cn.zhunong.mall.ledger;

/**
 * The event arrived before the one it depends on (a refund or receipt before the order's payment):
 * nothing was recorded; the outbox consumer should redeliver it later.
 */
public class LedgerEventNotReadyException extends RuntimeException {

    public LedgerEventNotReadyException(String message) {
        super(message);
    }
}
