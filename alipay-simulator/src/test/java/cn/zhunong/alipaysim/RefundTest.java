package cn.zhunong.alipaysim;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.AlipayApiException;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RefundTest extends SimulatorTestBase {

    static AlipayTradeRefundResponse refund(String outTradeNo, String amount, String outRequestNo)
            throws AlipayApiException {
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(outTradeNo);
        model.setRefundAmount(amount);
        model.setOutRequestNo(outRequestNo);
        model.setRefundReason("缺货退款");
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        return client.execute(request);
    }

    static AlipayTradeFastpayRefundQueryResponse refundQuery(String outTradeNo, String outRequestNo)
            throws AlipayApiException {
        AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
        model.setOutTradeNo(outTradeNo);
        model.setOutRequestNo(outRequestNo);
        model.setQueryOptions(List.of("gmt_refund_pay"));
        AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizModel(model);
        return client.execute(request);
    }

    private static String paidTrade(String amount) throws AlipayApiException {
        String out = orderNo();
        assertThat(PaymentFlowTest.precreate(out, amount).isSuccess()).isTrue();
        sim.pay(out);
        return out;
    }

    @Test
    void partialRefundsThenOverRefundThenIdempotentReplayThenFull() throws Exception {
        String out = paidTrade("100.00");

        AlipayTradeRefundResponse first = refund(out, "30.00", "R1");
        assertThat(first.isSuccess()).as(first.getBody()).isTrue();
        assertThat(first.getFundChange()).isEqualTo("Y");
        assertThat(first.getRefundFee()).isEqualTo("30.00");
        assertThat(first.getSendBackFee()).isEqualTo("30.00");
        assertThat(first.getOutTradeNo()).isEqualTo(out);
        assertThat(first.getGmtRefundPay()).isNotNull();

        AlipayTradeRefundResponse second = refund(out, "50.00", "R2");
        assertThat(second.getFundChange()).isEqualTo("Y");
        assertThat(second.getRefundFee()).isEqualTo("80.00");

        AlipayTradeRefundResponse over = refund(out, "20.01", "R3");
        assertThat(over.isSuccess()).isFalse();
        assertThat(over.getCode()).isEqualTo("40004");
        assertThat(over.getSubCode()).isEqualTo("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL");

        AlipayTradeRefundResponse replay = refund(out, "30.00", "R1");
        assertThat(replay.isSuccess()).isTrue();
        assertThat(replay.getFundChange()).isEqualTo("N");
        assertThat(replay.getRefundFee()).isEqualTo("80.00");
        assertThat(refund(out, "10.00", "R1").getSubCode()).isEqualTo("ACQ.DISCORDANT_REPEAT_REQUEST");
        assertThat(sim.trade(out).orElseThrow().refundedFen()).isEqualTo(8000);

        AlipayTradeFastpayRefundQueryResponse r2 = refundQuery(out, "R2");
        assertThat(r2.isSuccess()).isTrue();
        assertThat(r2.getRefundAmount()).isEqualTo("50.00");
        assertThat(r2.getTotalAmount()).isEqualTo("100.00");
        assertThat(r2.getRefundStatus()).isEqualTo("REFUND_SUCCESS");
        assertThat(r2.getGmtRefundPay()).isNotNull();
        AlipayTradeFastpayRefundQueryResponse none = refundQuery(out, "R3");
        assertThat(none.isSuccess()).isTrue();
        assertThat(none.getRefundAmount()).isNull();

        // refunds are notified: TRADE_SUCCESS with refund_fee while partial, TRADE_CLOSED once all is refunded
        AlipayTradeRefundResponse rest = refund(out, "20.00", "R4");
        assertThat(rest.getRefundFee()).isEqualTo("100.00");
        assertThat(PaymentFlowTest.query(out).getTradeStatus()).isEqualTo("TRADE_CLOSED");
        assertThat(refund(out, "0.01", "R5").getSubCode()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
        assertThat(refund(out, "30.00", "R1").getFundChange()).isEqualTo("N"); // replays still answer

        eventually().until(() -> merchant.received(out).size() >= 4);
        List<MerchantServer.Received> notifies = merchant.received(out);
        assertThat(notifies).allMatch(MerchantServer.Received::signatureValid);
        assertThat(notifies).anySatisfy(n -> {
            assertThat(n.params()).containsEntry("out_biz_no", "R2").containsEntry("refund_fee", "80.00")
                    .containsEntry("trade_status", "TRADE_SUCCESS").containsKey("gmt_refund");
        });
        assertThat(notifies).anySatisfy(n -> assertThat(n.params()).containsEntry("out_biz_no", "R4")
                .containsEntry("refund_fee", "100.00").containsEntry("trade_status", "TRADE_CLOSED"));
    }

    @Test
    void refundWithoutRequestNoIsAFullRefundKeyedByOutTradeNo() throws Exception {
        String out = paidTrade("8.00");
        AlipayTradeRefundResponse full = refund(out, "8.00", null);
        assertThat(full.getFundChange()).isEqualTo("Y");
        assertThat(refundQuery(out, out).getRefundAmount()).isEqualTo("8.00");
        assertThat(refund(out, "8.00", null).getFundChange()).isEqualTo("N");
    }

    @Test
    void refundsOfUnpaidOrUnknownTradesAreRefused() throws Exception {
        String out = orderNo();
        PaymentFlowTest.precreate(out, "1.00");
        assertThat(refund(out, "1.00", "X").getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
        sim.scan(out);
        assertThat(refund(out, "1.00", "X").getSubCode()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
        assertThat(refund(orderNo(), "1.00", "X").getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");

        String finished = paidTrade("2.00");
        sim.finish(finished);
        assertThat(refund(finished, "1.00", "X").getSubCode()).isEqualTo("ACQ.TRADE_HAS_FINISHED");
    }

    @Test
    void sameRequestNoFromTenThreadsRefundsOnce() throws Exception {
        String out = paidTrade("10.00");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<AlipayTradeRefundResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Callable<AlipayTradeRefundResponse> call = () -> {
                    go.await();
                    return refund(out, "4.00", "SAME-REQ");
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<AlipayTradeRefundResponse> answers = new ArrayList<>();
            for (Future<AlipayTradeRefundResponse> f : futures) {
                answers.add(f.get());
            }
            assertThat(answers).allMatch(AlipayTradeRefundResponse::isSuccess);
            assertThat(answers).allMatch(a -> "4.00".equals(a.getRefundFee()));
            assertThat(answers.stream().filter(a -> "Y".equals(a.getFundChange()))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        TradeView trade = sim.trade(out).orElseThrow();
        assertThat(trade.refundedFen()).isEqualTo(400);
        assertThat(trade.refunds()).hasSize(1);
        assertThat(trade.status()).isEqualTo(TradeStatus.TRADE_SUCCESS);
    }
}
