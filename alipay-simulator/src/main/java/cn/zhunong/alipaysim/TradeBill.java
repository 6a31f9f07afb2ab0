package cn.zhunong.alipaysim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The trade bill (bill_type=trade) as Alipay ships it: a ZIP (entry names in GBK) holding
 * {@code <account>_<date>_业务明细.csv} and {@code <account>_<date>_业务明细(汇总).csv}, both GBK, with {@code #}
 * comment lines around the table, a tab after each text cell (Alipay's guard against Excel's number formatting),
 * trade and refund rows, and the closing totals.
 */
final class TradeBill {

    static final Charset GBK = Charset.forName("GBK");
    static final String DETAIL_HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
            + "对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
            + "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";
    static final String SUMMARY_HEADER = "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,"
            + "商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）";
    static final String DETAIL_BEGIN = "#-----------------------------------------业务明细列表----------------------------------------";
    static final String DETAIL_END = "#-----------------------------------------业务明细列表结束------------------------------------";
    static final String SUMMARY_BEGIN = "#-----------------------------------------业务汇总列表----------------------------------------";
    static final String SUMMARY_END = "#----------------------------------------业务汇总列表结束-------------------------------------";
    private static final String EOL = "\r\n";
    private static final DateTimeFormatter CN_TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss");

    /** A generated bill: the ZIP's file name and bytes. */
    record File(String fileName, byte[] zip) {
    }

    private record Row(Instant finished, String[] cells) {
    }

    private TradeBill() {
    }

    /** @param billDate "yyyy-MM-dd" (a day) or "yyyy-MM" (a month), Asia/Shanghai */
    static File build(Collection<Trade> trades, String sellerId, String billDate, Instant exportedAt) {
        Instant from;
        Instant to;
        String compact;
        if (billDate.length() == 7) {
            YearMonth month = YearMonth.parse(billDate);
            from = month.atDay(1).atStartOfDay(AlipayTime.ZONE).toInstant();
            to = month.plusMonths(1).atDay(1).atStartOfDay(AlipayTime.ZONE).toInstant();
            compact = billDate.replace("-", "");
        } else {
            LocalDate day = LocalDate.parse(billDate);
            from = day.atStartOfDay(AlipayTime.ZONE).toInstant();
            to = day.plusDays(1).atStartOfDay(AlipayTime.ZONE).toInstant();
            compact = billDate.replace("-", "");
        }
        String account = sellerId + "0156";

        List<Row> rows = new ArrayList<>();
        long tradeCount = 0;
        long refundCount = 0;
        long tradeTotal = 0;
        long tradeReceived = 0;
        long refundReceived = 0;
        long fees = 0;
        for (Trade t : trades) {
            synchronized (t) {
                if (!t.created) {
                    continue;
                }
                if (t.gmtPayment != null && within(t.gmtPayment, from, to)) {
                    tradeCount++;
                    tradeTotal += t.totalFen;
                    tradeReceived += t.totalFen;
                    fees -= t.feeFen;
                    rows.add(new Row(t.gmtPayment, cells(t, "交易", t.gmtPayment, t.totalFen, t.totalFen, "", -t.feeFen)));
                }
                for (Trade.Refund r : t.refunds.values()) {
                    if (within(r.at(), from, to)) {
                        refundCount++;
                        refundReceived -= r.amountFen();
                        fees += r.feeReturnedFen();
                        rows.add(new Row(r.at(), cells(t, "退款", r.at(), t.totalFen, -r.amountFen(),
                                r.outRequestNo(), r.feeReturnedFen())));
                    }
                }
            }
        }
        rows.sort(Comparator.comparing(Row::finished));

        String period = "#起始日期：[" + CN_TIME.format(from.atZone(AlipayTime.ZONE)) + "]   终止日期：["
                + CN_TIME.format(to.atZone(AlipayTime.ZONE)) + "]";
        String exported = "#导出时间：[" + CN_TIME.format(exportedAt.atZone(AlipayTime.ZONE)) + "]";

        StringBuilder detail = new StringBuilder();
        detail.append("#支付宝业务明细查询").append(EOL);
        detail.append("#账号：[").append(account).append("]").append(EOL);
        detail.append(period).append(EOL);
        detail.append(DETAIL_BEGIN).append(EOL);
        detail.append(DETAIL_HEADER).append(EOL);
        for (Row row : rows) {
            detail.append(String.join(",", row.cells())).append(EOL);
        }
        detail.append(DETAIL_END).append(EOL);
        detail.append("#交易合计：").append(tradeCount).append("笔，商家实收共").append(Money.yuan(tradeReceived))
                .append("元，商家优惠共0.00元").append(EOL);
        detail.append("#退款合计：").append(refundCount).append("笔，商家实收退款共").append(Money.yuan(refundReceived))
                .append("元，商家优惠退款共0.00元").append(EOL);
        detail.append(exported).append(EOL);

        long received = tradeReceived + refundReceived;
        StringBuilder summary = new StringBuilder();
        summary.append("#支付宝业务汇总查询").append(EOL);
        summary.append("#账号：[").append(account).append("]").append(EOL);
        summary.append(period).append(EOL);
        summary.append(SUMMARY_BEGIN).append(EOL);
        summary.append(SUMMARY_HEADER).append(EOL);
        summary.append(String.join(",", "合计\t", "\t", Long.toString(tradeCount), Long.toString(refundCount),
                Money.yuan(tradeTotal), Money.yuan(received), "0.00", "0.00", "0.00", Money.yuan(fees), "0.00",
                Money.yuan(received + fees))).append(EOL);
        summary.append(SUMMARY_END).append(EOL);
        summary.append(exported).append(EOL);

        String base = account + "_" + compact;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, GBK)) {
            zip.putNextEntry(new ZipEntry(base + "_业务明细.csv"));
            zip.write(detail.toString().getBytes(GBK));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(base + "_业务明细(汇总).csv"));
            zip.write(summary.toString().getBytes(GBK));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new File(base + ".csv.zip", bytes.toByteArray());
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    private static String[] cells(Trade t, String type, Instant finished, long orderFen, long receivedFen,
                                  String requestNo, long serviceFeeFen) {
        return new String[] {
            text(t.tradeNo), text(t.outTradeNo), text(type), text(t.subject),
            AlipayTime.format(t.gmtCreate), AlipayTime.format(finished),
            text(""), text(""), text(""), text(""), text(TradeBook.mask(t.buyerLogonId)),
            Money.yuan(orderFen), Money.yuan(receivedFen), "0.00", "0.00", "0.00", "0.00", "0.00",
            text(""), "0.00", "0.00", text(requestNo), Money.yuan(serviceFeeFen), "0.00", text(t.body == null ? "" : t.body)
        };
    }

    /** A text cell: value plus Alipay's trailing tab; quoted (RFC 4180) only if it holds a comma or a quote. */
    private static String text(String value) {
        String v = value == null ? "" : value.replace("\r", " ").replace("\n", " ");
        if (v.contains(",") || v.contains("\"")) {
            return "\"" + v.replace("\"", "\"\"") + "\t\"";
        }
        return v + "\t";
    }
}
