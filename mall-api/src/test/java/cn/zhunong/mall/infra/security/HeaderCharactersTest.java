package cn.zhunong.mall.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loop predicates must accept exactly what StrictHttpFirewall's default patterns accept. */
class HeaderCharactersTest {

    // the patterns of StrictHttpFirewall's defaults (spring-security-web 7)
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreeWithTheFirewallPatternsOnEveryCodePoint() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            if (NAME.matcher(text).matches() != HeaderCharacters.NAMES.test(text)) {
                disagreements.add("name U+" + Integer.toHexString(codePoint));
            }
            if (VALUE.matcher(text).matches() != HeaderCharacters.VALUES.test(text)) {
                disagreements.add("value U+" + Integer.toHexString(codePoint));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void agreeOnTypicalAndTrickyHeaders() {
        List<String> samples = List.of("", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", "application/json; charset=UTF-8",
                "a\tb", "a\nb", "a\rb", "\u0000", "中文值", "x\u007fy", "\ud83c\udf4e apple", "\ud83c", "\udf4e", "a\ud83cb",
                "\u0378", "é", "\u0085");
        for (String sample : samples) {
            assertThat(HeaderCharacters.NAMES.test(sample)).as("name %s", sample).isEqualTo(NAME.matcher(sample).matches());
            assertThat(HeaderCharacters.VALUES.test(sample)).as("value %s", sample).isEqualTo(VALUE.matcher(sample).matches());
        }
        assertThat(HeaderCharacters.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("a\nb")).isFalse();
    }
}
