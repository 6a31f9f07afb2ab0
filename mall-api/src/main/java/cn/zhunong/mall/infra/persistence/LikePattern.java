package cn.zhunong.mall.infra.persistence;

/** Escapes user search text for SQL LIKE, so {@code %} and {@code _} match themselves. */
public final class LikePattern {

    private LikePattern() {
    }

    /**
     * The escaped text (without surrounding wildcards); MySQL's default escape character is the
     * backslash. Null stays null, because query builders evaluate the value even when unused.
     */
    public static String escape(String text) {
        return text == null ? null : text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
