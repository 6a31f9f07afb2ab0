package cn.zhunong.mall.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Zhunong@2026", "abcD1234x", "lower-case-and-9", "UPPER_CASE_77", "助农Mall2026", "Tr0ub4dor&3"})
    void acceptsPasswordsWithThreeClassesOfCharacters(String password) {
        assertThat(PasswordPolicy.violation(password, "13912345678")).isEmpty();
    }

    @Test
    void refusesTooShortAndTooLong() {
        assertThat(PasswordPolicy.violation("Ab1!xyz", null)).hasValueSatisfying(r -> assertThat(r).contains("至少"));
        assertThat(PasswordPolicy.violation("Ab1!" + "x".repeat(60), null)).isEmpty();
        assertThat(PasswordPolicy.violation("Ab1!" + "x".repeat(61), null)).hasValueSatisfying(r -> assertThat(r).contains("过长"));
        // 64 characters, but 3 bytes each in UTF-8: BCrypt would ignore everything past byte 72
        assertThat(PasswordPolicy.violation("Ab1" + "助".repeat(30), null)).hasValueSatisfying(r -> assertThat(r).contains("过长"));
        assertThat(PasswordPolicy.violation("", null)).isPresent();
        assertThat(PasswordPolicy.violation(null, null)).isPresent();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // 7 characters, 8 UTF-16 units (the emoji is a surrogate pair)
        assertThat(PasswordPolicy.violation("Ab1xyz\uD83D\uDE00", null)).hasValueSatisfying(r -> assertThat(r).contains("至少"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh", "ABCDEFGH", "12345679", "abcdefg1", "ABCDEFG1", "abcdEFGH", "!!!!@@@@", "abcd!!!!"})
    void refusesFewerThanThreeClasses(String password) {
        assertThat(PasswordPolicy.violation(password, null)).hasValueSatisfying(r -> assertThat(r).contains("至少三类"));
    }

    @Test
    void refusesPasswordsContainingTheLoginName() {
        assertThat(PasswordPolicy.violation("X13912345678!", "13912345678")).hasValueSatisfying(r -> assertThat(r).contains("登录名"));
        assertThat(PasswordPolicy.violation("Wang.Fang#1", "wang.fang")).hasValueSatisfying(r -> assertThat(r).contains("登录名"));
        assertThat(PasswordPolicy.violation("Wang.Fang#1", "li.lei")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aa123456", "P@ssw0rd", "Password1", "Qwerty123", "Abcd1234", "Admin@123", "1Qaz2wsx", "Passw0rd"})
    void refusesCommonPasswordsIgnoringCase(String password) {
        assertThat(PasswordPolicy.violation(password, null)).hasValueSatisfying(r -> assertThat(r).contains("常见"));
    }

    @Test
    void refusesControlCharacters() {
        assertThat(PasswordPolicy.violation("Abc1234\u0000x", null)).hasValueSatisfying(r -> assertThat(r).contains("控制字符"));
    }

    @Test
    void countsCharacterClasses() {
        assertThat(PasswordPolicy.characterClasses("aaaa")).isEqualTo(1);
        assertThat(PasswordPolicy.characterClasses("aA")).isEqualTo(2);
        assertThat(PasswordPolicy.characterClasses("aA1")).isEqualTo(3);
        assertThat(PasswordPolicy.characterClasses("aA1 ")).isEqualTo(4);
        assertThat(PasswordPolicy.characterClasses("农")).isEqualTo(1);
    }
}
