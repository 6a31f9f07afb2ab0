package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.csv.CsvUpload;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads (through {@link CsvUpload}, like the household import) and checks a recipient CSV
 * (收货人,手机号,省份代码,详细地址): file-level problems reject the file with a 400 code;
 * every bad row is reported with its physical line (header = line 1), field and reason, never the
 * value. The rules are those of an order's {@code ShippingAddress}, so a good row always places.
 */
final class RecipientCsv {

    static final List<String> HEADER = List.of("收货人", "手机号", "省份代码", "详细地址");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern PROVINCE = Pattern.compile("1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|81|82");

    private RecipientCsv() {
    }

    record Recipient(int line, String name, String phone, String provinceCode, String address) {
    }

    record RowError(long line, String field, String column, String reason) {
    }

    record Parsed(List<Recipient> recipients, List<RowError> errors) {
    }

    static Parsed read(byte[] bytes, int maxRows) {
        List<Recipient> recipients = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (CsvUpload.Row row : CsvUpload.read(bytes, HEADER, maxRows, "一次最多 " + maxRows + " 位收货人，请拆分团购单")) {
            check(row, recipients, errors);
        }
        return new Parsed(recipients, errors);
    }

    private static void check(CsvUpload.Row row, List<Recipient> good, List<RowError> errors) {
        int before = errors.size();
        int line = (int) row.line();
        String name = row.cell(0);
        String phone = row.cell(1);
        String province = row.cell(2);
        String address = row.cell(3);
        if (row.cells().size() > HEADER.size()) {
            errors.add(new RowError(line, null, null, "列数多于表头"));
        }
        if (name.isEmpty() || name.length() > 50) {
            errors.add(new RowError(line, "name", HEADER.get(0), name.isEmpty() ? "不能为空" : "不能超过 50 个字"));
        }
        if (!PHONE.matcher(phone).matches()) {
            errors.add(new RowError(line, "phone", HEADER.get(1), "须为 11 位手机号"));
        }
        if (!PROVINCE.matcher(province).matches()) {
            errors.add(new RowError(line, "provinceCode", HEADER.get(2), "须为 2 位省级行政区划代码"));
        }
        if (address.isEmpty() || address.length() > 200) {
            errors.add(new RowError(line, "address", HEADER.get(3), address.isEmpty() ? "不能为空" : "不能超过 200 个字"));
        }
        if (errors.size() == before) {
            good.add(new Recipient(line, name, phone, province, address));
        }
    }
}
