package cn.zhunong.alipaysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Timeouts and bill availability follow the simulator's clock, which this test moves. */
class TimeoutTest {

    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static AlipaySimulator sim;
    static MerchantServer merchant;
    static AlipayClient client;

    @BeforeAll
    static void start() throws Exception {
        sim = AlipaySimulator.builder()
                .app(SimulatorTestBase.APP_ID, Rsa2.publicKeyBase64(SimulatorTestBase.APP_KEYS))
                .clock(CLOCK)
                .strictBillDates(true)
                .notifyBackoffScale(1e-6)
                .build().start();
        merchant = new MerchantServer(sim.alipayPublicKeyBase64());
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(sim.gatewayUrl());
        config.setAppId(SimulatorTestBase.APP_ID);
        config.setPrivateKey(Rsa2.privateKeyBase64(SimulatorTestBase.APP_KEYS));
        config.setCharset("UTF-8");
        config.setSignType("RSA2");
        config.setAlipayPublicKey(sim.alipayPublicKeyBase64());
        client = new DefaultAlipayClient(config);
    }

    @AfterAll
    static void stop() {
        merchant.close();
        sim.close();
    }

    private static AlipayTradePrecreateResponse precreate(String out, String timeoutExpress, String timeExpire)
            throws Exception {
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(out);
        model.setTotalAmount("1.00");
        model.setSubject("限时秒杀");
        model.setTimeoutExpress(timeoutExpress);
        model.setTimeExpire(timeExpire);
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        request.setNotifyUrl(merchant.notifyUrl());
        return client.execute(request);
    }

    private static String status(String out) throws Exception {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(out);
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        var response = client.execute(request);
        return response.isSuccess() ? response.getTradeStatus() : response.getSubCode();
    }

    @Test
    void unpaidTradeClosesWhenTimeoutExpressPasses() throws Exception {
        String out = SimulatorTestBase.orderNo();
        assertThat(precreate(out, "1m", null).isSuccess()).isTrue();
        sim.scan(out);
        assertThat(status(out)).isEqualTo("WAIT_BUYER_PAY");
        CLOCK.advance(Duration.ofSeconds(61));
        sim.closeExpiredTrades();
        assertThat(status(out)).isEqualTo("TRADE_CLOSED");
        SimulatorTestBase.eventually().until(() -> merchant.received(out).stream()
                .anyMatch(r -> "TRADE_CLOSED".equals(r.get("trade_status")) && r.signatureValid()));
        assertThatThrownBy(() -> sim.pay(out)).hasMessageContaining("ACQ.TRADE_HAS_CLOSE");
    }

    @Test
    void unscannedCodeExpiresAtTimeExpire() throws Exception {
        String out = SimulatorTestBase.orderNo();
        String expire = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(CLOCK.instant().plus(Duration.ofMinutes(5)).atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(precreate(out, "2h", expire).isSuccess()).isTrue();
        CLOCK.advance(Duration.ofMinutes(6));
        assertThat(status(out)).isEqualTo("ACQ.TRADE_NOT_EXIST");
        assertThatThrownBy(() -> sim.pay(out)).hasMessageContaining("ACQ.TRADE_HAS_CLOSE");
        assertThat(merchant.received(out)).isEmpty();
    }

    @Test
    void invalidTimeoutIsRefused() throws Exception {
        assertThat(precreate(SimulatorTestBase.orderNo(), "16d", null).getSubCode()).isEqualTo("ACQ.INVALID_PARAMETER");
        assertThat(precreate(SimulatorTestBase.orderNo(), "1.5h", null).getSubCode()).isEqualTo("ACQ.INVALID_PARAMETER");
    }

    @Test
    void strictBillDatesServeADayOnlyOnceItIsOver() throws Exception {
        String out = SimulatorTestBase.orderNo();
        precreate(out, null, null);
        sim.pay(out);
        String today = LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("Asia/Shanghai")).toString();
        assertThat(TradeBillTest.billUrl(client, "trade", today).getSubCode()).isEqualTo("isp.bill_not_exist");
        CLOCK.advance(Duration.ofDays(1));
        var url = TradeBillTest.billUrl(client, "trade", today);
        assertThat(url.isSuccess()).isTrue();
        String detail = TradeBillTest.download(url.getBillDownloadUrl()).values().iterator().next();
        assertThat(TradeBillTest.rows(detail)).anyMatch(r -> r[1].equals(out));
    }
}
