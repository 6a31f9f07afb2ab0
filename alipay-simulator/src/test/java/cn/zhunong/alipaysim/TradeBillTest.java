package cn.zhunong.alipaysim;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayDataDataserviceBillDownloadurlQueryModel;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.response.AlipayDataDataserviceBillDownloadurlQueryResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class TradeBillTest extends SimulatorTestBase {

    static final Charset GBK = Charset.forName("GBK");
    static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
            + "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
            + "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    static AlipayDataDataserviceBillDownloadurlQueryResponse billUrl(AlipayClient client, String type, String date)
            throws AlipayApiException {
        AlipayDataDataserviceBillDownloadurlQueryModel model = new AlipayDataDataserviceBillDownloadurlQueryModel();
        model.setBillType(type);
        model.setBillDate(date);
        AlipayDataDataserviceBillDownloadurlQueryRequest request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        request.setBizModel(model);
        return client.execute(request);
    }

    /** Downloads the ZIP and returns entry name → GBK-decoded text. */
    static Map<String, String> download(String url) throws Exception {
        HttpResponse<byte[]> zip = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, String> files = new LinkedHashMap<>();
        // Alipay's entry names are GBK without the UTF-8 flag: read them as GBK
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), GBK)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), GBK));
            }
        }
        return files;
    }

    /** The rows between the header line and the end marker, cells without Alipay's trailing tabs. */
    static List<String[]> rows(String csv) {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : csv.split("\r\n")) {
            if (line.startsWith("#-----------------------------------------业务明细列表结束")) {
                break;
            }
            if (inTable) {
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].replace("\t", "").trim();
                }
                rows.add(cells);
            }
            if (line.equals(HEADER)) {
                inTable = true;
            }
        }
        return rows;
    }

    static long fen(String yuan) {
        return yuan.startsWith("-") ? -Money.parseFen(yuan.substring(1)) : Money.parseFen(yuan);
    }

    @Test
    void tradeBillZipHoldsTheDaysTradesAndRefundsInGbk() throws Exception {
        String a = orderNo();
        PaymentFlowTest.precreate(a, "100.00");
        sim.pay(a, "13800001111");
        String b = orderNo();
        PaymentFlowTest.precreate(b, "0.50");
        sim.pay(b);
        assertThat(RefundTest.refund(a, "30.00", "RF-1").isSuccess()).isTrue();
        String unpaid = orderNo();
        PaymentFlowTest.precreate(unpaid, "7.00");
        sim.scan(unpaid);

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        AlipayDataDataserviceBillDownloadurlQueryResponse url = billUrl(client, "trade", today);
        assertThat(url.isSuccess()).as(url.getBody()).isTrue();
        assertThat(url.getBillDownloadUrl()).startsWith(sim.baseUrl() + "/downloadBillFile.resource?");

        Map<String, String> files = download(url.getBillDownloadUrl());
        String account = sim.sellerId() + "0156";
        String day = today.replace("-", "");
        assertThat(files).containsOnlyKeys(account + "_" + day + "_业务明细.csv", account + "_" + day + "_业务明细(汇总).csv");

        String detail = files.get(account + "_" + day + "_业务明细.csv");
        String[] lines = detail.split("\r\n");
        assertThat(lines[0]).isEqualTo("#支付宝业务明细查询");
        assertThat(lines[1]).isEqualTo("#账号：[" + account + "]");
        assertThat(lines[2]).startsWith("#起始日期：[").contains("00:00:00]   终止日期：[");
        assertThat(lines[3]).isEqualTo("#-----------------------------------------业务明细列表----------------------------------------");
        assertThat(lines[4]).isEqualTo(HEADER);

        List<String[]> rows = rows(detail);
        assertThat(rows).hasSize(3).allMatch(r -> r.length == 25);
        String[] tradeA = rows.stream().filter(r -> r[1].equals(a) && r[2].equals("交易")).findFirst().orElseThrow();
        assertThat(tradeA[0]).hasSize(28);
        assertThat(tradeA[10]).isEqualTo("138****1111");
        assertThat(tradeA[11]).isEqualTo("100.00");
        assertThat(tradeA[12]).isEqualTo("100.00");
        assertThat(tradeA[22]).isEqualTo("-0.60"); // 0.6 % service fee
        String[] refundA = rows.stream().filter(r -> r[2].equals("退款")).findFirst().orElseThrow();
        assertThat(refundA[1]).isEqualTo(a);
        assertThat(refundA[12]).isEqualTo("-30.00");
        assertThat(refundA[21]).isEqualTo("RF-1");
        assertThat(refundA[22]).isEqualTo("0.18");
        assertThat(rows).noneMatch(r -> r[1].equals(unpaid));

        long trades = rows.stream().filter(r -> r[2].equals("交易")).mapToLong(r -> fen(r[12])).sum();
        long refunds = rows.stream().filter(r -> r[2].equals("退款")).mapToLong(r -> fen(r[12])).sum();
        assertThat(trades).isEqualTo(10050);
        assertThat(refunds).isEqualTo(-3000);
        assertThat(detail).contains(
                "#-----------------------------------------业务明细列表结束------------------------------------\r\n"
                        + "#交易合计：2笔，商家实收共100.50元，商家优惠共0.00元\r\n"
                        + "#退款合计：1笔，商家实收退款共-30.00元，商家优惠退款共0.00元\r\n#导出时间：[");

        String summary = files.get(account + "_" + day + "_业务明细(汇总).csv");
        assertThat(summary).contains("门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）")
                .contains("合计\t,\t,2,1,100.50,70.50,0.00,0.00,0.00,-0.42,0.00,70.08");

        // the month's bill has the same rows
        assertThat(rows(download(billUrl(client, "trade", today.substring(0, 7)).getBillDownloadUrl()).values()
                .iterator().next())).hasSize(3);
    }

    @Test
    void billErrors() throws Exception {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        assertThat(billUrl(client, "trade", tomorrow).getSubCode()).isEqualTo("isp.bill_not_exist");
        assertThat(billUrl(client, "trade", "2024/01/01").getSubCode()).isEqualTo("isv.invalid-arguments");
        assertThat(billUrl(client, "signcustomer", "2024-01-01").isSuccess()).isFalse();
        HttpResponse<String> expired = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sim.baseUrl() + "/downloadBillFile.resource?fileId=123")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(404);
    }
}
