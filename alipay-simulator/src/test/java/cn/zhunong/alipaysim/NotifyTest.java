package cn.zhunong.alipaysim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotifyTest extends SimulatorTestBase {

    private static String paidOrder(String amount) throws Exception {
        String out = orderNo();
        assertThat(PaymentFlowTest.precreate(out, amount).isSuccess()).isTrue();
        sim.pay(out);
        return out;
    }

    @Test
    void retriedUntilTheMerchantAnswersSuccess() throws Exception {
        String out = orderNo();
        PaymentFlowTest.precreate(out, "6.60");
        merchant.failFirst(out, 2);
        sim.pay(out);

        eventually().until(() -> sim.notifyDeliveries(out).get(0).acknowledged());
        NotifyDelivery delivery = sim.notifyDeliveries(out).get(0);
        assertThat(delivery.kind()).isEqualTo(NotifyDelivery.Kind.GENUINE);
        assertThat(delivery.attempts()).hasSize(3);
        assertThat(delivery.attempts().get(0).responseBody()).isEqualTo("fail");
        assertThat(delivery.attempts().get(2).responseBody()).isEqualTo("success\n"); // trimmed by the rule
        List<MerchantServer.Received> received = merchant.received(out);
        assertThat(received).hasSize(3).allMatch(MerchantServer.Received::signatureValid);
        // a retry is the same notify: same notify_id and parameters
        assertThat(received).extracting(r -> r.get("notify_id")).containsOnly(delivery.notifyId());
        assertThat(sim.notifyRetryDelayMillis(1)).isEqualTo(Math.round(240_000 * 1e-6));
    }

    @Test
    void givesUpAfterEightAttempts() throws Exception {
        String out = orderNo();
        PaymentFlowTest.precreate(out, "1.00");
        merchant.failFirst(out, 1000);
        sim.pay(out);
        eventually().until(() -> sim.notifyDeliveries(out).get(0).state() == NotifyDelivery.State.GAVE_UP);
        assertThat(sim.notifyDeliveries(out).get(0).attempts()).hasSize(8);
    }

    @Test
    void unreachableMerchantIsRetriedToo() throws Exception {
        String out = orderNo();
        com.alipay.api.domain.AlipayTradePrecreateModel model = new com.alipay.api.domain.AlipayTradePrecreateModel();
        model.setOutTradeNo(out);
        model.setTotalAmount("1.00");
        model.setSubject("nobody listens");
        com.alipay.api.request.AlipayTradePrecreateRequest request = new com.alipay.api.request.AlipayTradePrecreateRequest();
        request.setBizModel(model);
        request.setNotifyUrl("http://127.0.0.1:1/notify");
        assertThat(client.execute(request).isSuccess()).isTrue();
        sim.pay(out);
        eventually().until(() -> sim.notifyDeliveries(out).get(0).state() == NotifyDelivery.State.GAVE_UP);
        assertThat(sim.notifyDeliveries(out).get(0).attempts()).allMatch(a -> a.httpStatus() == -1 && a.error() != null);
    }

    @Test
    void duplicatesOutOfOrderAndSuppressedNotifies() throws Exception {
        String out = orderNo();
        PaymentFlowTest.precreate(out, "2.50");
        sim.scan(out);
        // out of order: TRADE_FINISHED arrives before TRADE_SUCCESS, correctly signed
        NotifyDelivery early = sim.sendNotify(out, TradeStatus.TRADE_FINISHED);
        assertThat(early.kind()).isEqualTo(NotifyDelivery.Kind.TEST);
        sim.pay(out);
        eventually().until(() -> merchant.received(out).size() == 2);
        assertThat(merchant.received(out)).extracting(r -> r.get("trade_status"))
                .containsExactlyInAnyOrder("TRADE_FINISHED", "TRADE_SUCCESS");
        assertThat(merchant.received(out)).allMatch(MerchantServer.Received::signatureValid);

        // a duplicate of the current state
        sim.resendNotify(out);
        eventually().until(() -> merchant.received(out).size() == 3);
        assertThat(merchant.received(out).get(2).get("trade_status")).isEqualTo("TRADE_SUCCESS");

        // missing notify: the state changes, nothing is sent
        sim.setNotifiesEnabled(false);
        try {
            sim.finish(out);
        } finally {
            sim.setNotifiesEnabled(true);
        }
        List<NotifyDelivery> deliveries = sim.notifyDeliveries(out);
        assertThat(deliveries.get(deliveries.size() - 1).state()).isEqualTo(NotifyDelivery.State.SUPPRESSED);
        assertThat(sim.trade(out).orElseThrow().status()).isEqualTo(TradeStatus.TRADE_FINISHED);
        assertThat(merchant.received(out)).hasSize(3);
    }

    @Test
    void forgedNotifiesAreSentOnceAndFailTheMerchantsChecks() throws Exception {
        String out = paidOrder("10.00");
        eventually().until(() -> merchant.received(out).size() == 1);

        sim.sendForgedNotify(out, Forgery.BAD_SIGNATURE);
        sim.sendForgedNotify(out, Forgery.TAMPERED_AMOUNT);
        sim.sendForgedNotify(out, Forgery.MISSING_SIGNATURE);
        eventually().until(() -> merchant.received(out).size() == 4);
        assertThat(merchant.received(out).subList(1, 4)).noneMatch(MerchantServer.Received::signatureValid);

        // signed by "Alipay", but the content does not match the order: the merchant's own checks must catch these
        sim.sendForgedNotify(out, Forgery.WRONG_AMOUNT);
        eventually().until(() -> merchant.received(out).size() == 5);
        assertThat(merchant.received(out).get(4).signatureValid()).isTrue();
        assertThat(merchant.received(out).get(4).get("total_amount")).isEqualTo("10.01");

        sim.sendForgedNotify(out, Forgery.WRONG_APP_ID);
        eventually().until(() -> merchant.received(out).size() == 6);
        assertThat(merchant.received(out).get(5).get("app_id")).isNotEqualTo(APP_ID);
        assertThat(merchant.received(out).get(5).signatureValid()).isTrue();

        sim.sendForgedNotify(out, Forgery.WRONG_SELLER_ID);
        eventually().until(() -> merchant.received(out).size() == 7);
        assertThat(merchant.received(out).get(6).get("seller_id")).isNotEqualTo(sim.sellerId()).startsWith("2088");

        sim.sendForgedNotify(out, Forgery.UNKNOWN_OUT_TRADE_NO);
        eventually().until(() -> merchant.all().stream().anyMatch(r -> (out + "_FORGED").equals(r.get("out_trade_no"))));

        // forged notifies are never retried even though the merchant answered "fail"
        eventually().until(() -> sim.notifyDeliveries(out).stream()
                .filter(d -> d.kind() == NotifyDelivery.Kind.FORGED)
                .allMatch(d -> d.state() != NotifyDelivery.State.PENDING));
        assertThat(sim.notifyDeliveries(out).stream().filter(d -> d.kind() == NotifyDelivery.Kind.FORGED))
                .allMatch(d -> d.attempts().size() == 1);
    }

    @Test
    void forgedSuccessForAnUnpaidOrder() throws Exception {
        String out = orderNo();
        PaymentFlowTest.precreate(out, "99.00");
        sim.sendNotify(out, TradeStatus.TRADE_SUCCESS, p -> {
            p.put("total_amount", "0.01");
            return p;
        }, false);
        eventually().until(() -> !merchant.received(out).isEmpty());
        assertThat(merchant.received(out)).noneMatch(MerchantServer.Received::signatureValid);
        assertThat(sim.trade(out).orElseThrow().exists()).isFalse();
    }
}
