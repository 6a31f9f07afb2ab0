package cn.zhunong.mall.ledger;

/**
 * The event can never be posted as it is (e.g. a refund larger than what is left of the line, an
 * unknown SKU). The caller should park it for a person to look at; retrying will not help.
 */
public class LedgerEventRejectedException extends RuntimeException {

    public LedgerEventRejectedException(String message) {
        super(message);
    }
}
