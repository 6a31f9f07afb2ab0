package cn.zhunong.mall.payment;

import cn.zhunong.mall.infra.money.Yuan;
import java.math.BigDecimal;

/** Alipay speaks yuan with two decimals ("12.30"); we keep fen. Exact both ways, or nothing. */
public final class AlipayAmounts {

    private AlipayAmounts() {
    }

    public static String yuan(long fen) {
        return Yuan.format(fen);
    }

    /** The amount in fen, or null when the text is not an exact non-negative yuan amount. */
    public static Long fen(String yuan) {
        if (yuan == null || !yuan.matches("\\d{1,11}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
