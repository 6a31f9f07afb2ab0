package cn.zhunong.mall.catalog.shipping;

import java.util.Set;

/** The 2-digit 行政区划 codes of China's provincial-level divisions (incl. 台湾 71, 香港 81, 澳门 82). */
public final class ProvinceCodes {

    private static final Set<String> CODES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    private ProvinceCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }
}
