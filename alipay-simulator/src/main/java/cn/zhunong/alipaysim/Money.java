package cn.zhunong.alipaysim;

import java.util.regex.Pattern;

/** Amounts are {@code long} fen inside the simulator and yuan strings with two decimals on the wire. */
public final class Money {

    /** Alipay's ceiling for one trade: 100000000.00 yuan. */
    public static final long MAX_FEN = 100_000_000_00L;

    private static final Pattern YUAN = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");

    private Money() {
    }

    /**
     * Parses "12.34" / "12.3" / "12" into fen. Returns -1 when the text is not a plain non-negative amount with at
     * most two decimals (no sign, no exponent).
     */
    public static long parseFen(String yuan) {
        if (yuan == null || !YUAN.matcher(yuan).matches()) {
            return -1;
        }
        int dot = yuan.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(yuan) * 100;
        }
        String decimals = (yuan.substring(dot + 1) + "00").substring(0, 2);
        return Long.parseLong(yuan.substring(0, dot)) * 100 + Long.parseLong(decimals);
    }

    /** 1234 → "12.34", -5 → "-0.05". */
    public static String yuan(long fen) {
        long abs = Math.abs(fen);
        String text = (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
        return fen < 0 ? "-" + text : text;
    }

    /** {@code amount × basisPoints / 10000}, rounded half up (Alipay rounds fees to the fen). */
    static long feeFen(long amountFen, int basisPoints) {
        return (amountFen * basisPoints + 5_000) / 10_000;
    }
}
