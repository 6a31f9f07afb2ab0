package cn.zhunong.mall.ledger.report;

import cn.zhunong.mall.ledger.report.XlsxTable.Money;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The Excel export of a statement: the allocations sheet and the payouts sheet. */
final class StatementXlsx {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private StatementXlsx() {
    }

    static byte[] render(HouseholdStatement s) {
        HouseholdStatement.Household h = s.household();
        List<String> title = List.of("帮扶户收入对账单",
                "户主：" + h.headName() + "（户编号 " + h.id() + "）  所在村：" + h.villageName(),
                "对账期间：" + s.from() + " 至 " + s.to());
        List<List<Object>> rows = new ArrayList<>();
        for (HouseholdStatement.Line l : s.lines()) {
            rows.add(List.of(l.date().toString(), l.orderId(), l.orderLineId(), nz(l.productName()), nz(l.skuSpec()),
                    Labels.rule(l.rule()), l.units(), new Money(l.incomeFen()), new Money(l.reversedFen()),
                    new Money(l.netIncomeFen()), Labels.status(l.status())));
        }
        HouseholdStatement.Totals t = s.totals();
        rows.add(List.of("合计", "", "", "", "", "", t.units(), new Money(t.incomeFen()), new Money(t.reversedFen()),
                new Money(t.netIncomeFen()), ""));
        List<List<Object>> payouts = new ArrayList<>();
        for (HouseholdStatement.Payout p : s.payouts()) {
            payouts.add(List.of(p.batchId(), p.itemId(), new Money(p.amountFen()), Labels.method(p.method()), nz(p.reference()),
                    p.paidAt() == null ? "" : TIME.format(p.paidAt()), p.confirmedAt() == null ? "" : TIME.format(p.confirmedAt()),
                    Labels.payoutStatus(p.status())));
        }
        try (XlsxTable x = new XlsxTable()) {
            x.sheet("收入明细", title, List.of("日期", "订单号", "订单行", "商品", "规格", "结算方式", "件数", "收入(元)",
                    "退款冲减(元)", "净收入(元)", "状态"), rows);
            x.sheet("打款记录", List.of(), List.of("批次", "明细", "金额(元)", "方式", "凭证号", "打款时间", "确认时间", "状态"), payouts);
            return x.bytes();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
