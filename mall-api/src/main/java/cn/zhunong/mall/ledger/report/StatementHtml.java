package cn.zhunong.mall.ledger.report;

import cn.zhunong.mall.infra.money.Yuan;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;

/** The print view of a statement: one self-contained HTML page (A4-friendly, no scripts). */
final class StatementHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private StatementHtml() {
    }

    static String render(HouseholdStatement s) {
        StringBuilder h = new StringBuilder(4096);
        HouseholdStatement.Household hh = s.household();
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>帮扶户收入对账单</title><style>")
                .append("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222}")
                .append("h1{font-size:20px;margin:0 0 8px}table{border-collapse:collapse;width:100%;margin:12px 0;font-size:12px}")
                .append("th,td{border:1px solid #999;padding:4px 6px}th{background:#eee}td.n{text-align:right}")
                .append(".meta{font-size:13px;line-height:1.7}.sign{margin-top:40px;font-size:13px}")
                .append("@media print{body{margin:0}@page{size:A4;margin:15mm}}</style></head><body>");
        h.append("<h1>帮扶户收入对账单</h1><div class=\"meta\">")
                .append("户主：").append(e(hh.headName())).append("（户编号 ").append(hh.id()).append("）<br>")
                .append("所在村：").append(e(hh.villageName())).append("<br>")
                .append("收款账户：").append(e(hh.bankAccountMasked() == null ? "未登记" : hh.bankAccountMasked())).append("<br>")
                .append("对账期间：").append(s.from()).append(" 至 ").append(s.to()).append("</div>");
        h.append("<table><thead><tr><th>日期</th><th>订单号</th><th>订单行</th><th>商品</th><th>规格</th><th>结算方式</th>")
                .append("<th>件数</th><th>收入(元)</th><th>退款冲减(元)</th><th>净收入(元)</th><th>状态</th></tr></thead><tbody>");
        for (HouseholdStatement.Line l : s.lines()) {
            h.append("<tr><td>").append(l.date()).append("</td><td>").append(l.orderId()).append("</td><td>").append(l.orderLineId())
                    .append("</td><td>").append(e(l.productName())).append("</td><td>").append(e(l.skuSpec()))
                    .append("</td><td>").append(Labels.rule(l.rule())).append("</td><td class=\"n\">").append(l.units())
                    .append("</td><td class=\"n\">").append(Yuan.format(l.incomeFen()))
                    .append("</td><td class=\"n\">").append(Yuan.format(l.reversedFen()))
                    .append("</td><td class=\"n\">").append(Yuan.format(l.netIncomeFen()))
                    .append("</td><td>").append(Labels.status(l.status())).append("</td></tr>");
        }
        HouseholdStatement.Totals t = s.totals();
        h.append("</tbody><tfoot><tr><th colspan=\"6\">合计（").append(t.lines()).append(" 笔）</th><td class=\"n\">")
                .append(t.units()).append("</td><td class=\"n\">").append(Yuan.format(t.incomeFen()))
                .append("</td><td class=\"n\">").append(Yuan.format(t.reversedFen())).append("</td><td class=\"n\">")
                .append(Yuan.format(t.netIncomeFen())).append("</td><td></td></tr></tfoot></table>");
        h.append("<div class=\"meta\">其中：售后期内 ").append(Yuan.format(t.pendingFen())).append(" 元；可打款 ")
                .append(Yuan.format(t.availableFen())).append(" 元；已打款 ").append(Yuan.format(t.paidOutFen()))
                .append(" 元；已确认到账 ").append(Yuan.format(t.confirmedFen())).append(" 元。</div>");
        h.append("<h1 style=\"font-size:16px;margin-top:16px\">打款记录</h1><table><thead><tr><th>批次</th><th>金额(元)</th>")
                .append("<th>方式</th><th>凭证号</th><th>打款时间</th><th>确认时间</th><th>状态</th></tr></thead><tbody>");
        if (s.payouts().isEmpty()) {
            h.append("<tr><td colspan=\"7\">本期无打款记录</td></tr>");
        }
        for (HouseholdStatement.Payout p : s.payouts()) {
            h.append("<tr><td>").append(p.batchId()).append("</td><td class=\"n\">").append(Yuan.format(p.amountFen()))
                    .append("</td><td>").append(Labels.method(p.method())).append("</td><td>").append(e(p.reference()))
                    .append("</td><td>").append(p.paidAt() == null ? "" : TIME.format(p.paidAt()))
                    .append("</td><td>").append(p.confirmedAt() == null ? "" : TIME.format(p.confirmedAt()))
                    .append("</td><td>").append(Labels.payoutStatus(p.status())).append("</td></tr>");
        }
        HouseholdStatement.Balances b = s.balances();
        h.append("</tbody></table><div class=\"meta\">当前余额：待结算 ").append(Yuan.format(b.pendingFen())).append(" 元，可打款 ")
                .append(Yuan.format(b.availableFen())).append(" 元，累计已打款 ").append(Yuan.format(b.paidFen())).append(" 元。")
                .append(b.availableFen() < 0 ? "（可打款为负：打款后发生退款，将在下次打款中抵扣）" : "")
                .append("</div><div class=\"sign\">户主签字：＿＿＿＿＿＿＿＿　　经办人：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿</div>")
                .append("</body></html>");
        return h.toString();
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
