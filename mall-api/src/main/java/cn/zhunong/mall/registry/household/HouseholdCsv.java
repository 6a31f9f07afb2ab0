package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.csv.CsvUpload;
import java.util.List;

/** The household import file: its header and size limit (reading is {@link CsvUpload}'s). */
public final class HouseholdCsv {

    public static final List<String> HEADER = List.of("户主姓名", "身份证号", "类别", "人口数", "银行账号", "手机号", "同意公开");
    public static final int MAX_ROWS = 5_000;

    private HouseholdCsv() {
    }

    public static List<CsvUpload.Row> read(byte[] bytes) {
        return CsvUpload.read(bytes, HEADER, MAX_ROWS, "一次最多导入 " + MAX_ROWS + " 行，请拆分文件");
    }
}
