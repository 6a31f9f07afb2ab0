package cn.zhunong.mall.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "110101199003074477"})
    void acceptsValidNumbers(String id) {
        assertThat(ResidentIdNumber.isValid(id, TODAY)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105194912310021", // wrong check character
            "11010519491231002", // too short
            "11010519491231002XX", // too long
            "1101051949123100AX"}) // letters before the check character
    void rejectsInvalidNumbers(String id) {
        assertThat(ResidentIdNumber.isValid(id, TODAY)).isFalse();
    }

    @Test
    void rejectsImpossibleAndFutureBirthDatesEvenWithACorrectCheckCharacter() {
        assertThat(ResidentIdNumber.isValid(withCheck("11010519490231002"), TODAY)).isFalse(); // 31 February
        assertThat(ResidentIdNumber.isValid(withCheck("11010518991231002"), TODAY)).isFalse(); // before 1900
        assertThat(ResidentIdNumber.isValid(withCheck("11010520260616002"), TODAY)).isFalse(); // born tomorrow
        assertThat(ResidentIdNumber.isValid(withCheck("11010520260615002"), TODAY)).isTrue(); // born today
    }

    @Test
    void lowerCaseXIsValidOnceNormalised() {
        String id = ResidentIdNumber.normalise(" 11010519491231002x ");
        assertThat(id).isEqualTo("11010519491231002X");
        assertThat(ResidentIdNumber.isValid(id, TODAY)).isTrue();
    }

    @Test
    void birthDateAndAgeComeFromTheNumber() {
        assertThat(ResidentIdNumber.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
        assertThat(ResidentIdNumber.ageOn("11010519491231002X", LocalDate.of(2026, 12, 30))).isEqualTo(76);
        assertThat(ResidentIdNumber.ageOn("11010519491231002X", LocalDate.of(2026, 12, 31))).isEqualTo(77);
    }

    @Test
    void sixteenthBirthdayIsTheFirstDayOfSixteen() {
        String id = withCheck("44010620100615001");
        assertThat(ResidentIdNumber.ageOn(id, LocalDate.of(2026, 6, 14))).isEqualTo(15);
        assertThat(ResidentIdNumber.ageOn(id, LocalDate.of(2026, 6, 15))).isEqualTo(16);
    }

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkChar(first17);
    }
}
