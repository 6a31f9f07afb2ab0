package cn.zhunong.mall.adoption;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Quantities with up to 3 decimals are stored as longs of thousandths. */
final class Milli {

    private Milli() {
    }

    static long of(BigDecimal value) {
        return value.setScale(3, RoundingMode.UNNECESSARY).movePointRight(3).longValueExact();
    }

    static BigDecimal toDecimal(Long milli) {
        return milli == null ? null : BigDecimal.valueOf(milli, 3).stripTrailingZeros();
    }
}
