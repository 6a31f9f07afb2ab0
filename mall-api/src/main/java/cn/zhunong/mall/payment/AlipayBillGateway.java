package cn.zhunong.mall.payment;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayDataDataserviceBillDownloadurlQueryModel;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.response.AlipayDataDataserviceBillDownloadurlQueryResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The trade bill (对账单) through the official SDK: alipay.data.dataservice.bill.downloadurl.query
 * for a day, then the ZIP behind the short-lived link it answers (valid for about 30 seconds, so it
 * is fetched at once). Same settings as {@link AlipayGateway}.
 */
@Component
public class AlipayBillGateway {

    /** A day's bill ZIP is a few MB even for busy merchants; anything far larger is not a bill. */
    public static final long MAX_BILL_BYTES = 64L * 1024 * 1024;

    private final AlipayClient client;
    private final HttpClient http;
    private final Duration readTimeout;

    public AlipayBillGateway(AlipayProperties properties) throws AlipayApiException {
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(properties.gatewayUrl());
        config.setAppId(properties.appId());
        config.setPrivateKey(properties.appPrivateKey());
        config.setAlipayPublicKey(properties.alipayPublicKey());
        config.setFormat("json");
        config.setCharset("UTF-8");
        config.setSignType("RSA2");
        config.setConnectTimeout((int) properties.connectTimeout().toMillis());
        config.setReadTimeout((int) properties.readTimeout().toMillis());
        this.client = new DefaultAlipayClient(config);
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.readTimeout = properties.readTimeout();
    }

    /** Alipay has no bill for that day (not yet generated, or nothing to bill). */
    public static class BillNotFoundException extends RuntimeException {

        public BillNotFoundException(String message) {
            super(message);
        }
    }

    /**
     * The trade bill (bill_type=trade) of one day, Asia/Shanghai, as the ZIP's bytes.
     *
     * @throws BillNotFoundException       Alipay answered that the bill does not exist
     * @throws AlipayUnavailableException  no answer, another business error, or the download failed
     */
    public byte[] tradeBill(LocalDate day) {
        AlipayDataDataserviceBillDownloadurlQueryModel model = new AlipayDataDataserviceBillDownloadurlQueryModel();
        model.setBillType("trade");
        model.setBillDate(day.toString());
        AlipayDataDataserviceBillDownloadurlQueryRequest request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        request.setBizModel(model);
        AlipayDataDataserviceBillDownloadurlQueryResponse response;
        try {
            response = client.execute(request);
        } catch (AlipayApiException e) {
            throw new AlipayUnavailableException("bill.downloadurl.query", e);
        }
        if (!response.isSuccess()) {
            if ("isp.bill_not_exist".equals(response.getSubCode())) {
                throw new BillNotFoundException("no trade bill for " + day);
            }
            throw new AlipayUnavailableException("bill.downloadurl.query: " + response.getCode() + " " + response.getSubCode(),
                    null);
        }
        return download(response.getBillDownloadUrl());
    }

    private byte[] download(String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new AlipayUnavailableException("bill download: no usable link", null);
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout.multipliedBy(3))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new AlipayUnavailableException("bill download: HTTP " + response.statusCode(), null);
                }
                byte[] bytes = body.readNBytes((int) MAX_BILL_BYTES + 1);
                if (bytes.length > MAX_BILL_BYTES) {
                    throw new AlipayUnavailableException("bill download: larger than " + MAX_BILL_BYTES + " bytes", null);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new AlipayUnavailableException("bill download", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlipayUnavailableException("bill download interrupted", e);
        }
    }
}
