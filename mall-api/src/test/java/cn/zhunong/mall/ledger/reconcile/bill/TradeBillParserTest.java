package cn.zhunong.mall.ledger.reconcile.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The trade bill's CSV rules, without Spring. */
class TradeBillParserTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
            + "对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
            + "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    private static String row(String tradeNo, String out, String type, String amount, String received, String requestNo) {
        return String.join(",", tradeNo + "\t", out + "\t", type + "\t", "\"土豆, 5斤\t\"", "2026-11-23 10:00:00",
                "2026-11-23 10:00:05", "\t", "\t", "\t", "\t", "abc***@163.com\t", amount, received, "0.00", "0.00", "0.00",
                "0.00", "0.00", "\t", "0.00", "0.00", requestNo + "\t", "-0.06", "0.00", "\t");
    }

    private static byte[] bill(String... rows) {
        StringBuilder b = new StringBuilder("#支付宝业务明细查询\r\n#账号：[20880000000000010156]\r\n"
                + "#起始日期：[2026年11月23日 00:00:00]   终止日期：[2026年11月24日 00:00:00]\r\n#----业务明细列表----\r\n")
                .append(HEADER).append("\r\n");
        for (String row : rows) {
            b.append(row).append("\r\n");
        }
        b.append("#----业务明细列表结束----\r\n");
        return b.toString().getBytes(GBK);
    }

    @Test
    void readsTradesAndRefundsWithExactFenQuotedCellsAndTheDay() {
        TradeBill bill = TradeBillParser.parse(bill(row("2026A", "ZN1", "交易", "12.30", "12.3", ""),
                row("2026A", "ZN1", "退款", "12.30", "-0.01", "ZN1R1")));
        assertThat(bill.account()).isEqualTo("20880000000000010156");
        assertThat(bill.day()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(bill.trades()).singleElement().satisfies(r -> {
            assertThat(r.receivedFen()).isEqualTo(1_230);
            assertThat(r.outTradeNo()).isEqualTo("ZN1");
            assertThat(r.line()).isEqualTo(6);
        });
        assertThat(bill.refunds()).singleElement().satisfies(r -> {
            assertThat(r.receivedFen()).isEqualTo(-1);
            assertThat(r.requestNo()).isEqualTo("ZN1R1");
        });
        assertThat(TradeBillParser.cells(1, "\"a,\"\"b\"\"\t\",c\t")).containsExactly("a,\"b\"", "c");
    }

    @Test
    void refusesWhatIsNotExactlyABill() {
        assertThatThrownBy(() -> TradeBillParser.parse(bill(row("2026A", "ZN1", "交易", "1.001", "1.00", ""))))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("第 6 行");
        assertThatThrownBy(() -> TradeBillParser.parse(bill(row("2026A", "ZN1", "交易", "1e3", "1.00", ""))))
                .isInstanceOf(BillFormatException.class);
        assertThatThrownBy(() -> TradeBillParser.parse(bill(row("2026A", "ZN1", "转账", "1.00", "1.00", ""))))
                .hasMessageContaining("业务类型");
        assertThatThrownBy(() -> TradeBillParser.parse(bill(row("2026A", "ZN1", "退款", "1.00", "-1.00", ""))))
                .hasMessageContaining("请求号");
        assertThatThrownBy(() -> TradeBillParser.parse(bill(row("2026A", "ZN1", "交易", "1.00", "1.00", ""),
                row("2026B", "ZN1", "交易", "1.00", "1.00", "")))).hasMessageContaining("重复");
        assertThatThrownBy(() -> TradeBillParser.parse(new byte[0])).isInstanceOf(BillFormatException.class);
        assertThatThrownBy(() -> TradeBillParser.parse("#只有注释\r\n".getBytes(GBK))).hasMessageContaining("表头");
    }
}
