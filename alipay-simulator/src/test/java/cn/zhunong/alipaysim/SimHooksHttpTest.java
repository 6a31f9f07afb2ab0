package cn.zhunong.alipaysim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The /sim/* hooks a demo or an out-of-process test drives over HTTP. */
class SimHooksHttpTest extends SimulatorTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void payFinishAndNotifyHooks() throws Exception {
        String out = orderNo();
        PaymentFlowTest.precreate(out, "18.80");

        HttpResponse<String> paid = post("/sim/pay", "{\"out_trade_no\":\"" + out + "\",\"buyer_logon_id\":\"demo@example.com\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        JsonNode trade = JSON.readTree(paid.body());
        assertThat(trade.get("status").asString()).isEqualTo("TRADE_SUCCESS");
        assertThat(trade.get("totalFen").asLong()).isEqualTo(1880);
        assertThat(trade.get("buyerLogonId").asString()).isEqualTo("demo@example.com");

        assertThat(post("/sim/pay", "{\"out_trade_no\":\"" + out + "\"}").statusCode()).isEqualTo(409);
        assertThat(post("/sim/pay", "{\"out_trade_no\":\"never-sent\"}").statusCode()).isEqualTo(404);

        assertThat(post("/sim/finish", "{\"out_trade_no\":\"" + out + "\"}").statusCode()).isEqualTo(200);
        assertThat(get("/sim/trades?out_trade_no=" + out).get("status").asString()).isEqualTo("TRADE_FINISHED");

        assertThat(post("/sim/notify/send", "{\"out_trade_no\":\"" + out + "\",\"forgery\":\"wrong_seller_id\"}")
                .statusCode()).isEqualTo(200);
        assertThat(post("/sim/notify/resend", "{\"out_trade_no\":\"" + out + "\"}").statusCode()).isEqualTo(200);
        eventually().until(() -> merchant.received(out).size() >= 4);

        JsonNode notifies = get("/sim/notifies?out_trade_no=" + out);
        assertThat(notifies.size()).isEqualTo(4);
        assertThat(notifies.get(0).get("tradeStatus").asString()).isEqualTo("TRADE_SUCCESS");
        assertThat(notifies.get(2).get("kind").asString()).isEqualTo("FORGED");

        JsonNode info = get("/sim/info");
        assertThat(info.get("gateway_url").asString()).isEqualTo(sim.gatewayUrl());
        assertThat(info.get("alipay_public_key").asString()).isEqualTo(sim.alipayPublicKeyBase64());
        assertThat(get("/sim/trades").isArray()).isTrue();
    }
}
