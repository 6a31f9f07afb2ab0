package cn.zhunong.mall.infra.money;

import java.math.BigDecimal;

/** Fen shown as yuan: exact, two decimals, no grouping ("1234.50", "-0.05"). */
public final class Yuan {

    private Yuan() {
    }

    public static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
