package cn.zhunong.mall.ledger.report;

import cn.zhunong.mall.ledger.report.XlsxTable.Money;
import java.util.ArrayList;
import java.util.List;

/** The Excel export of a summary. */
final class SummaryXlsx {

    private SummaryXlsx() {
    }

    static byte[] render(SummaryReport report) {
        String what = switch (report.dimension()) {
            case VILLAGE -> "村";
            case AGENCY -> "机构";
            case CAMPAIGN -> "活动";
        };
        List<List<Object>> rows = new ArrayList<>();
        for (SummaryReport.Row r : report.rows()) {
            rows.add(cells(r));
        }
        rows.add(cells(report.total()));
        try (XlsxTable x = new XlsxTable()) {
            x.sheet("助农销售汇总", List.of("助农销售与增收汇总（按" + what + "、" + (report.granularity() == Granularity.DAY ? "日" : "月") + "）",
                    "期间：" + report.from() + " 至 " + report.to()),
                    List.of(what + "编号", what + "名称", "日期", "销量(件)", "销量(斤)", "销售额(元)", "退款(元)",
                            "农户增收(元)", "带动农户(户)", "购买人数", "订单数"), rows);
            return x.bytes();
        }
    }

    private static List<Object> cells(SummaryReport.Row r) {
        List<Object> c = new ArrayList<>();
        c.add(r.key() == null ? "" : r.key());
        c.add(r.name() == null ? "" : r.name());
        c.add(r.bucket() == null ? "" : r.bucket());
        c.add(r.units());
        c.add(r.jin());
        c.add(new Money(r.gmvFen()));
        c.add(new Money(r.refundedFen()));
        c.add(new Money(r.householdIncomeFen()));
        c.add(r.householdsBenefited());
        c.add(r.buyers());
        c.add(r.orders());
        return c;
    }
}
