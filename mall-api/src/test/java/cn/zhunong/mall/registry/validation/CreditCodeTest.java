package cn.zhunong.mall.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "91440300708461136T"})
    void acceptsRealRegisteredCodes(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y44", // wrong check character
            "91110000600037341X", // wrong check character
            "91110000600037341", // too short
            "91110000600037341LL", // too long
            "91110000600037341l", // lower case is not in the alphabet
            "9111000O600037341L", // letter O is excluded from the alphabet
            "911A0000600037341L", // region code must be digits
            "91350100M000100I43"}) // letter I is excluded from the alphabet
    void rejectsBadCodes(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingCodes(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91110000600037341"})
    void computesTheCheckCharacter(String first17) {
        assertThat(CreditCode.checkChar(first17)).isIn('3', 'L');
    }
}
