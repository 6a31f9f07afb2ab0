package cn.zhunong.mall.infra.crypto;

/** The masked forms of personal values that responses show instead of the real ones. */
public final class Masking {

    private Masking() {
    }

    /** 440106199001011234 -> 4401**********1234 */
    public static String idNumber(String id) {
        return keep(id, 4, 4);
    }

    /** 6222021234567890123 -> 6222***********0123 */
    public static String bankAccount(String account) {
        return keep(account, 4, 4);
    }

    /** 13812345678 -> 138****5678 */
    public static String phone(String phone) {
        return keep(phone, 3, 4);
    }

    /** 张三丰 -> 张** ; used for public aliases and purchase tickers. */
    public static String personName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
