package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.csv.CsvUpload;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.registry.household.ImportResult.RowError;
import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row rules of the CSV import, without Spring or a database. */
class HouseholdCsvValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static String id(String birth, int seq) {
        String first17 = "440106" + birth + String.format("%03d", seq);
        return first17 + ResidentIdNumber.checkChar(first17);
    }

    private static CsvUpload.Row row(long line, String... cells) {
        return new CsvUpload.Row(line, List.of(cells));
    }

    @Test
    void aGoodRowBecomesANormalisedHousehold() {
        String id = id("19800101", 12);
        String lowerX = id.endsWith("X") ? id.substring(0, 17) + "x" : id;
        var outcome = HouseholdCsvValidator.validate(List.of(
                row(2, "阿卜杜•热合曼", "'" + lowerX, "低保户", "4", "6222 0212 3456 7890", "13912345678", "是")), TODAY);
        assertThat(outcome.errors()).isEmpty();
        NewHousehold h = outcome.valid().get(0).household();
        assertThat(outcome.valid().get(0).line()).isEqualTo(2);
        assertThat(h.headName()).isEqualTo("阿卜杜·热合曼");
        assertThat(h.idNumber()).isEqualTo(id);
        assertThat(h.category()).isEqualTo(HouseholdCategory.DIBAO);
        assertThat(h.memberCount()).isEqualTo(4);
        assertThat(h.bankAccount()).isEqualTo("6222021234567890");
        assertThat(h.phone()).isEqualTo("13912345678");
        assertThat(h.consentPublic()).isTrue();
    }

    @Test
    void optionalCellsMayBeEmptyOrMissing() {
        var outcome = HouseholdCsvValidator.validate(List.of(row(2, "张三", id("19800101", 1), "其他", "1")), TODAY);
        assertThat(outcome.errors()).isEmpty();
        NewHousehold h = outcome.valid().get(0).household();
        assertThat(h.bankAccount()).isNull();
        assertThat(h.phone()).isNull();
        assertThat(h.consentPublic()).isFalse();
    }

    @Test
    void eachBadFieldIsReportedWithLineFieldAndReasonButNeverTheValue() {
        String good = id("19800101", 2);
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        var outcome = HouseholdCsvValidator.validate(List.of(
                row(2, "张三", badCheck, "脱贫户", "3", "", "", "是"),
                row(3, "李四", id("19800101", 3), "贫困户", "3", "", "12345", "是"),
                row(4, "", id("19800101", 4), "脱贫户", "51", "12ab", "", "也许"),
                row(5, "Tom", id("20990101", 5), "监测户", "三", "", "", "否"),
                row(6, "王五", "44010619800101", "监测户", "0", "", "", "否", "多余")), TODAY);
        assertThat(outcome.valid()).isEmpty();
        assertThat(outcome.errors()).extracting(RowError::line, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "idNumber"),
                org.assertj.core.groups.Tuple.tuple(3L, "category"),
                org.assertj.core.groups.Tuple.tuple(3L, "phone"),
                org.assertj.core.groups.Tuple.tuple(4L, "headName"),
                org.assertj.core.groups.Tuple.tuple(4L, "memberCount"),
                org.assertj.core.groups.Tuple.tuple(4L, "bankAccount"),
                org.assertj.core.groups.Tuple.tuple(4L, "consentPublic"),
                org.assertj.core.groups.Tuple.tuple(5L, "headName"),
                org.assertj.core.groups.Tuple.tuple(5L, "idNumber"),
                org.assertj.core.groups.Tuple.tuple(5L, "memberCount"),
                org.assertj.core.groups.Tuple.tuple(6L, "row"),
                org.assertj.core.groups.Tuple.tuple(6L, "idNumber"),
                org.assertj.core.groups.Tuple.tuple(6L, "memberCount"));
        assertThat(outcome.errors().get(0).reason()).contains("校验位");
        assertThat(outcome.errors().get(0).column()).isEqualTo("身份证号");
        assertThat(outcome.errors().get(8).reason()).contains("出生日期");
        assertThat(outcome.errors()).allSatisfy(e -> {
            assertThat(e.reason()).doesNotContain(badCheck).doesNotContain("12345").doesNotContain("12ab");
        });
    }

    @Test
    void aRepeatedIdNumberIsAnErrorOnTheLaterRowOnly() {
        String id = id("19750505", 7);
        var outcome = HouseholdCsvValidator.validate(List.of(
                row(2, "张三", id, "脱贫户", "3"),
                row(3, "张三", id, "脱贫户", "3"),
                row(4, "张三", id.toLowerCase(), "脱贫户", "3")), TODAY);
        assertThat(outcome.valid()).extracting(HouseholdCsvValidator.ValidRow::line).containsExactly(2L);
        assertThat(outcome.errors()).extracting(RowError::line).containsExactly(3L, 4L);
        assertThat(outcome.errors().get(0).reason()).isEqualTo("与第 2 行的身份证号重复");
    }

    @Test
    void aBadRowDoesNotClaimItsIdNumber() {
        String id = id("19750505", 8);
        var outcome = HouseholdCsvValidator.validate(List.of(
                row(2, "张三", id, "脱贫户", "99"),
                row(3, "张三", id, "脱贫户", "3")), TODAY);
        assertThat(outcome.valid()).extracting(HouseholdCsvValidator.ValidRow::line).containsExactly(3L);
        assertThat(outcome.errors()).extracting(RowError::line).containsExactly(2L);
    }

    @Test
    void categoriesAcceptChineseNamesAndCodes() {
        assertThat(HouseholdCategory.parse("脱贫户")).contains(HouseholdCategory.LIFTED_OUT);
        assertThat(HouseholdCategory.parse("监测户")).contains(HouseholdCategory.MONITORED);
        assertThat(HouseholdCategory.parse("低保户")).contains(HouseholdCategory.DIBAO);
        assertThat(HouseholdCategory.parse("特困户")).contains(HouseholdCategory.TEKUN);
        assertThat(HouseholdCategory.parse(" 其他 ")).contains(HouseholdCategory.OTHER);
        assertThat(HouseholdCategory.parse("tekun")).contains(HouseholdCategory.TEKUN);
        assertThat(HouseholdCategory.parse("贫困户")).isEmpty();
    }

    @Test
    void aliasesMaskTheNameAndFitTheColumn() {
        assertThat(HouseholdRules.aliasFor(true, null, "龙岗村", "张三丰")).isEqualTo("龙岗村 张**");
        assertThat(HouseholdRules.aliasFor(true, " 老张家 ", "龙岗村", "张三丰")).isEqualTo("老张家");
        assertThat(HouseholdRules.aliasFor(false, null, "龙岗村", "张三丰")).isNull();
        assertThat(HouseholdRules.defaultAlias("村".repeat(50), "张三")).hasSize(50);
    }
}
