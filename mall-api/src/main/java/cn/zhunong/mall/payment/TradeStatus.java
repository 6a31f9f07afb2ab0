package cn.zhunong.mall.payment;

/** Alipay trade states; only TRADE_SUCCESS and TRADE_FINISHED mean the buyer has paid. */
public enum TradeStatus {
    WAIT_BUYER_PAY,
    TRADE_CLOSED,
    TRADE_SUCCESS,
    TRADE_FINISHED;

    public boolean paid() {
        return this == TRADE_SUCCESS || this == TRADE_FINISHED;
    }

    /** Null for an unknown or missing value. */
    public static TradeStatus parse(String value) {
        if (value == null) {
            return null;
        }
        for (TradeStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        return null;
    }
}
