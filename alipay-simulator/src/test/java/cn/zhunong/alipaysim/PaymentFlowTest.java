package cn.zhunong.alipaysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradePagePayModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PaymentFlowTest extends SimulatorTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static AlipayTradePrecreateResponse precreate(String outTradeNo, String amount) throws AlipayApiException {
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(outTradeNo);
        model.setTotalAmount(amount);
        model.setSubject("龙岗村 高山土豆 5斤");
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        request.setNotifyUrl(merchant.notifyUrl());
        return client.execute(request);
    }

    static AlipayTradeQueryResponse query(String outTradeNo) throws AlipayApiException {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(outTradeNo);
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        return client.execute(request);
    }

    static AlipayTradeCloseResponse close(String outTradeNo) throws AlipayApiException {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(outTradeNo);
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        return client.execute(request);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void precreateScanPayNotifyQuery() throws Exception {
        String out = orderNo();
        AlipayTradePrecreateResponse created = precreate(out, "12.34");
        assertThat(created.isSuccess()).as(created.getBody()).isTrue();
        assertThat(created.getOutTradeNo()).isEqualTo(out);
        assertThat(created.getQrCode()).startsWith(sim.baseUrl() + "/qr/");

        // like Alipay: the trade exists only once the buyer has scanned the code
        AlipayTradeQueryResponse before = query(out);
        assertThat(before.isSuccess()).isFalse();
        assertThat(before.getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");

        HttpResponse<String> cashier = get(created.getQrCode());
        assertThat(cashier.statusCode()).isEqualTo(200);
        assertThat(cashier.body()).contains("确认付款", "¥12.34", "龙岗村 高山土豆 5斤");
        AlipayTradeQueryResponse scanned = query(out);
        assertThat(scanned.getTradeStatus()).isEqualTo("WAIT_BUYER_PAY");
        assertThat(scanned.getTradeNo()).hasSize(28);

        assertThatThrownBy(() -> sim.pay(out, "someone-else@example.com")).isInstanceOf(SimulatorException.class)
                .hasMessageContaining("ACQ.TRADE_BUYER_NOT_MATCH"); // the buyer who scanned must pay
        TradeView paid = sim.pay(out);
        assertThat(paid.status()).isEqualTo(TradeStatus.TRADE_SUCCESS);

        eventually().until(() -> !merchant.received(out).isEmpty());
        MerchantServer.Received notify = merchant.received(out).get(0);
        assertThat(notify.signatureValid()).isTrue();
        assertThat(notify.params()).containsEntry("trade_status", "TRADE_SUCCESS")
                .containsEntry("notify_type", "trade_status_sync")
                .containsEntry("app_id", APP_ID)
                .containsEntry("auth_app_id", APP_ID)
                .containsEntry("seller_id", sim.sellerId())
                .containsEntry("total_amount", "12.34")
                .containsEntry("receipt_amount", "12.34")
                .containsEntry("buyer_pay_amount", "12.34")
                .containsEntry("trade_no", scanned.getTradeNo())
                .containsEntry("buyer_logon_id", "138****0000")
                .containsEntry("sign_type", "RSA2")
                .containsEntry("charset", "utf-8")
                .containsEntry("version", "1.0")
                .containsKeys("notify_id", "notify_time", "gmt_create", "gmt_payment", "buyer_id", "subject", "sign");
        eventually().until(() -> sim.notifyDeliveries(out).get(0).acknowledged());
        assertThat(sim.notifyDeliveries(out).get(0).attempts()).hasSize(1);

        AlipayTradeQueryResponse after = query(out);
        assertThat(after.isSuccess()).isTrue();
        assertThat(after.getTradeStatus()).isEqualTo("TRADE_SUCCESS");
        assertThat(after.getTotalAmount()).isEqualTo("12.34");
        assertThat(after.getReceiptAmount()).isEqualTo("12.34");
        assertThat(after.getBuyerLogonId()).isEqualTo("138****0000");
        assertThat(after.getSendPayDate()).isNotNull();
        assertThat(after.getFundBillList()).singleElement()
                .satisfies(b -> assertThat(b.getFundChannel()).isEqualTo("ALIPAYACCOUNT"));

        // paying twice, or precreating the paid order again, is refused
        assertThatThrownBy(() -> sim.pay(out)).isInstanceOf(SimulatorException.class)
                .hasMessageContaining("ACQ.TRADE_HAS_SUCCESS");
        assertThat(precreate(out, "12.34").getSubCode()).isEqualTo("ACQ.TRADE_HAS_SUCCESS");
    }

    @Test
    void theSdkChecksResponseSignaturesInKeyMode() throws Exception {
        String out = orderNo();
        AlipayTradePrecreateResponse created = precreate(out, "1.00");
        // the same check by hand: the sign covers the exact text of the response object
        String body = created.getBody();
        String root = "\"alipay_trade_precreate_response\":";
        int start = body.indexOf(root) + root.length();
        int end = body.lastIndexOf(",\"sign\":\"");
        String sign = body.substring(end + ",\"sign\":\"".length(), body.length() - 2);
        assertThat(AlipaySignature.rsaCheck(body.substring(start, end), sign, sim.alipayPublicKeyBase64(), "UTF-8", "RSA2"))
                .isTrue();

        // a client configured with another "Alipay public key" must refuse the simulator's answer
        AlipayClient wrongKey = client(APP_ID, Rsa2.privateKeyBase64(APP_KEYS), Rsa2.publicKeyBase64(Rsa2.generateKeyPair()));
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(orderNo());
        model.setTotalAmount("1.00");
        model.setSubject("test");
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        assertThatThrownBy(() -> wrongKey.execute(request)).isInstanceOf(AlipayApiException.class)
                .hasMessageContaining("sign check fail");
    }

    @Test
    void badRequestSignatureIsRejected() throws Exception {
        AlipayClient impostor = client(APP_ID, Rsa2.privateKeyBase64(Rsa2.generateKeyPair()), sim.alipayPublicKeyBase64());
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(orderNo());
        model.setTotalAmount("1.00");
        model.setSubject("test");
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        AlipayTradePrecreateResponse response = impostor.execute(request); // the SDK verified the signed error
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("40002");
        assertThat(response.getMsg()).isEqualTo("Invalid Arguments");
        assertThat(response.getSubCode()).isEqualTo("isv.invalid-signature");
        assertThat(response.getSubMsg()).contains("app_id=" + APP_ID, "method=alipay.trade.precreate");
        assertThat(sim.trade(model.getOutTradeNo())).isEmpty();
    }

    @Test
    void tamperedParameterBreaksTheSignature() throws Exception {
        AlipayTradePagePayRequest request = pagePayRequest(orderNo(), "9.90");
        String url = client.pageExecute(request, "GET").getBody();
        HttpResponse<String> ok = get(url);
        assertThat(ok.body()).contains("确认付款");
        HttpResponse<String> tampered = get(url.replace("%229.90%22", "%220.01%22"));
        assertThat(tampered.body()).contains("isv.invalid-signature").doesNotContain("确认付款");
    }

    @Test
    void unknownAppIdIsRejected() throws Exception {
        AlipayClient stranger = client("2021009999999999", Rsa2.privateKeyBase64(APP_KEYS), sim.alipayPublicKeyBase64());
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(orderNo());
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        AlipayTradeQueryResponse response = stranger.execute(request);
        assertThat(response.getCode()).isEqualTo("40002");
        assertThat(response.getSubCode()).isEqualTo("isv.invalid-app-id");
        assertThat(response.getBody()).doesNotContain("\"sign\"");
    }

    @Test
    void unknownMethodAndMissingSignature() throws Exception {
        HttpResponse<String> noSign = get(sim.gatewayUrl() + "?app_id=" + APP_ID + "&method=alipay.trade.query"
                + "&charset=utf-8&sign_type=RSA2&timestamp=2024-01-01+00:00:00&version=1.0");
        assertThat(noSign.body()).startsWith("{\"alipay_trade_query_response\":{\"code\":\"40001\"")
                .contains("isv.missing-signature");
        HttpResponse<String> unknown = get(sim.gatewayUrl() + "?app_id=" + APP_ID + "&method=alipay.trade.pay.nothing");
        assertThat(unknown.body()).startsWith("{\"error_response\":{\"code\":\"40002\"").contains("isv.invalid-method");
    }

    static AlipayTradePagePayRequest pagePayRequest(String out, String amount) {
        AlipayTradePagePayModel model = new AlipayTradePagePayModel();
        model.setOutTradeNo(out);
        model.setTotalAmount(amount);
        model.setSubject("助农礼盒");
        model.setProductCode("FAST_INSTANT_TRADE_PAY");
        AlipayTradePagePayRequest request = new AlipayTradePagePayRequest();
        request.setBizModel(model);
        request.setNotifyUrl(merchant.notifyUrl());
        request.setReturnUrl("http://127.0.0.1:1/shop/paid");
        return request;
    }

    @Test
    void pagePayFormPostIsAcceptedAndReturnsSignedToTheMerchant() throws Exception {
        String out = orderNo();
        String form = client.pageExecute(pagePayRequest(out, "88.80")).getBody();
        assertThat(form).startsWith("<form name=\"punchout_form\" method=\"post\"");
        AlipaySimulator.PageForm parsed = AlipaySimulator.PageForm.parse(form);
        assertThat(parsed.action()).startsWith(sim.gatewayUrl() + "?");
        assertThat(parsed.fields()).containsKey("biz_content");

        String cashier = sim.submitPagePay(form);
        assertThat(cashier).contains("确认付款", "¥88.80", "助农礼盒");
        // page pay: nobody has logged in at the cashier yet, so the trade does not exist
        assertThat(query(out).getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");

        // the buyer presses 「确认付款」
        Matcher action = Pattern.compile("action=\"(/cashier/[^\"]+/pay)\"").matcher(cashier);
        assertThat(action.find()).isTrue();
        HttpResponse<String> paid = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + action.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("buyer_logon_id=13912345678")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(302);
        String location = paid.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1:1/shop/paid?");
        Map<String, String> back = queryParams(URI.create(location).getRawQuery());
        assertThat(back).containsEntry("method", "alipay.trade.page.pay.return")
                .containsEntry("out_trade_no", out)
                .containsEntry("total_amount", "88.80")
                .containsEntry("seller_id", sim.sellerId())
                .containsEntry("app_id", APP_ID);
        assertThat(AlipaySignature.rsaCheckV1(new HashMap<>(back), sim.alipayPublicKeyBase64(), "UTF-8", "RSA2")).isTrue();

        AlipayTradeQueryResponse after = query(out);
        assertThat(after.getTradeStatus()).isEqualTo("TRADE_SUCCESS");
        assertThat(after.getBuyerLogonId()).isEqualTo("139****5678");
        eventually().until(() -> merchant.received(out).stream().anyMatch(MerchantServer.Received::signatureValid));
    }

    @Test
    void pagePayGetUrlAndWapPayAreAccepted() throws Exception {
        String out = orderNo();
        String url = client.pageExecute(pagePayRequest(out, "0.01"), "GET").getBody();
        assertThat(url).startsWith(sim.gatewayUrl() + "?");
        HttpResponse<String> cashier = get(url);
        assertThat(cashier.body()).contains("确认付款", "¥0.01");
        assertThat(sim.pay(out).status()).isEqualTo(TradeStatus.TRADE_SUCCESS);

        String wapOut = orderNo();
        AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
        model.setOutTradeNo(wapOut);
        model.setTotalAmount("5.00");
        model.setSubject("手机下单");
        model.setProductCode("QUICK_WAP_WAY");
        AlipayTradeWapPayRequest wap = new AlipayTradeWapPayRequest();
        wap.setBizModel(model);
        wap.setNotifyUrl(merchant.notifyUrl());
        assertThat(sim.submitPagePay(client.pageExecute(wap).getBody())).contains("确认付款", "¥5.00");
        assertThat(sim.pay(wapOut).status()).isEqualTo(TradeStatus.TRADE_SUCCESS);

        // wrong product code and bad amounts are refused on the error page
        AlipayTradePagePayRequest bad = pagePayRequest(orderNo(), "1.00");
        ((AlipayTradePagePayModel) bad.getBizModel()).setProductCode("QUICK_WAP_WAY");
        assertThat(sim.submitPagePay(client.pageExecute(bad).getBody())).contains("ACQ.INVALID_PARAMETER");
        assertThat(sim.submitPagePay(client.pageExecute(pagePayRequest(orderNo(), "1.001")).getBody()))
                .contains("ACQ.INVALID_PARAMETER");
        assertThat(sim.submitPagePay(client.pageExecute(pagePayRequest(orderNo(), "100000000.01")).getBody()))
                .contains("ACQ.TOTAL_FEE_EXCEED");
    }

    @Test
    void closeOnlyUnpaidTrades() throws Exception {
        String out = orderNo();
        precreate(out, "3.00");
        // not scanned: Alipay does not know the trade, and the code stays payable until it times out
        assertThat(close(out).getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");

        sim.scan(out);
        AlipayTradeCloseResponse closed = close(out);
        assertThat(closed.isSuccess()).as(closed.getBody()).isTrue();
        assertThat(closed.getOutTradeNo()).isEqualTo(out);
        assertThat(query(out).getTradeStatus()).isEqualTo("TRADE_CLOSED");
        eventually().until(() -> merchant.received(out).stream()
                .anyMatch(r -> "TRADE_CLOSED".equals(r.get("trade_status")) && r.signatureValid()));
        assertThatThrownBy(() -> sim.pay(out)).isInstanceOf(SimulatorException.class)
                .hasMessageContaining("ACQ.TRADE_HAS_CLOSE");
        assertThat(close(out).getSubCode()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
        assertThat(precreate(out, "3.00").getSubCode()).isEqualTo("ACQ.TRADE_HAS_CLOSE");

        String paid = orderNo();
        precreate(paid, "3.00");
        sim.pay(paid);
        assertThat(close(paid).getSubCode()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
    }

    @Test
    void precreateAgainWithAnotherAmountIsInconsistent() throws Exception {
        String out = orderNo();
        precreate(out, "3.00");
        assertThat(precreate(out, "4.00").isSuccess()).isTrue(); // not scanned yet: simply replaced
        sim.scan(out);
        assertThat(precreate(out, "4.00").isSuccess()).isTrue();
        assertThat(precreate(out, "5.00").getSubCode()).isEqualTo("ACQ.CONTEXT_INCONSISTENT");
        assertThat(sim.trade(out).orElseThrow().totalFen()).isEqualTo(400);
    }

    static Map<String, String> queryParams(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
