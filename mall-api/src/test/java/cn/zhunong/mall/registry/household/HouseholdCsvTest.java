package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.csv.CsvUpload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhunong.mall.infra.web.ApiException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** File-level CSV reading without Spring: encodings, header, line numbers, limits. */
class HouseholdCsvTest {

    private static final String HEADER = "户主姓名,身份证号,类别,人口数,银行账号,手机号,同意公开";

    @Test
    void readsUtf8WithBomAndNumbersRowsByPhysicalLine() {
        String csv = "\uFEFF" + HEADER + "\r\n"
                + "张三,110101199003074514,脱贫户,3,,,是\r\n"
                + "\r\n"
                + "李四,110101199003079999,监测户,2,,,否\r\n"
                + "\"王\n五\",x,其他,1,,,\r\n"
                + "赵六,y,其他,1,,,\r\n";
        List<CsvUpload.Row> rows = HouseholdCsv.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(CsvUpload.Row::line).containsExactly(2L, 4L, 5L, 7L);
        assertThat(rows.get(0).cells()).containsExactly("张三", "110101199003074514", "脱贫户", "3", "", "", "是");
        assertThat(rows.get(3).cell(0)).isEqualTo("赵六");
    }

    @Test
    void readsGb18030WhenTheBytesAreNotUtf8() {
        String csv = HEADER + "\n张三,110101199003074514,低保户,3,,,否\n";
        byte[] gbk = csv.getBytes(Charset.forName("GB18030"));
        List<CsvUpload.Row> rows = HouseholdCsv.read(gbk);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).cell(2)).isEqualTo("低保户");
    }

    @Test
    void acceptsTrailingEmptyColumnsAndBlankLinesAtTheStart() {
        String csv = "\n\n" + HEADER + ",,\n张三,110101199003074514,脱贫户,3,,,,\n";
        List<CsvUpload.Row> rows = HouseholdCsv.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(CsvUpload.Row::line).containsExactly(4L);
        assertThat(rows.get(0).cells()).hasSize(4);
    }

    @Test
    void rejectsEmptyFilesAndHeaderOnlyFiles() {
        assertCode(new byte[0], "CSV_EMPTY");
        assertCode("\uFEFF  \r\n".getBytes(StandardCharsets.UTF_8), "CSV_EMPTY");
        assertCode((HEADER + "\n").getBytes(StandardCharsets.UTF_8), "CSV_EMPTY");
    }

    @Test
    void rejectsAWrongHeaderNamingTheExpectedOne() {
        assertThatThrownBy(() -> HouseholdCsv.read("姓名,身份证\n张三,1\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("CSV_HEADER_INVALID");
                    assertThat(e.getMessage()).contains(HEADER);
                });
    }

    @Test
    void rejectsBinaryGarbage() {
        byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, (byte) 0xff, (byte) 0x80};
        assertCode(garbage, "CSV_UNREADABLE");
        assertCode("abc\u0000def\n".getBytes(StandardCharsets.UTF_8), "CSV_UNREADABLE");
    }

    @Test
    void rejectsUnbalancedQuotes() {
        assertCode((HEADER + "\n\"张三,110101199003074514,脱贫户,3,,,是\n").getBytes(StandardCharsets.UTF_8), "CSV_MALFORMED");
    }

    @Test
    void rejectsMoreThanTheRowLimit() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= HouseholdCsv.MAX_ROWS; i++) {
            csv.append("张三,1,脱贫户,1,,,是\n");
        }
        assertCode(csv.toString().getBytes(StandardCharsets.UTF_8), "TOO_MANY_ROWS");
        String exactly = csv.substring(0, csv.lastIndexOf("张三"));
        assertThat(HouseholdCsv.read(exactly.getBytes(StandardCharsets.UTF_8))).hasSize(HouseholdCsv.MAX_ROWS);
    }

    private static void assertCode(byte[] bytes, String code) {
        assertThatThrownBy(() -> HouseholdCsv.read(bytes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
