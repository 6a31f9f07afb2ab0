package cn.zhunong.mall.payment;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradePagePayModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every call we make to Alipay, through the official SDK (key mode, RSA2). The gateway URL, app id
 * and keys come from {@link AlipayProperties}; the sandbox, the local simulator and production
 * differ only in those values.
 */
@Component
public class AlipayGateway {

    private static final Logger log = LoggerFactory.getLogger(AlipayGateway.class);
    private static final String CHARSET = "UTF-8";
    private static final String SIGN_TYPE = "RSA2";
    private static final DateTimeFormatter ALIPAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final AlipayClient client;
    private final AlipayProperties properties;

    public AlipayGateway(AlipayProperties properties) throws AlipayApiException {
        this.properties = properties;
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(properties.gatewayUrl());
        config.setAppId(properties.appId());
        config.setPrivateKey(properties.appPrivateKey());
        config.setAlipayPublicKey(properties.alipayPublicKey());
        config.setFormat("json");
        config.setCharset(CHARSET);
        config.setSignType(SIGN_TYPE);
        config.setConnectTimeout((int) properties.connectTimeout().toMillis());
        config.setReadTimeout((int) properties.readTimeout().toMillis());
        this.client = new DefaultAlipayClient(config);
    }

    /** What a trade looks like to the buyer's payment page. */
    public record Trade(String orderNo, long amountFen, String subject, Instant expiresAt) {
    }

    /** alipay.trade.page.pay: the URL of the PC cashier page. */
    public String pagePayUrl(Trade trade) {
        AlipayTradePagePayModel model = new AlipayTradePagePayModel();
        model.setOutTradeNo(trade.orderNo());
        model.setTotalAmount(AlipayAmounts.yuan(trade.amountFen()));
        model.setSubject(trade.subject());
        model.setProductCode("FAST_INSTANT_TRADE_PAY");
        model.setTimeExpire(ALIPAY_TIME.format(trade.expiresAt()));
        AlipayTradePagePayRequest request = new AlipayTradePagePayRequest();
        request.setBizModel(model);
        request.setNotifyUrl(properties.notifyUrl());
        request.setReturnUrl(properties.returnUrl());
        try {
            return client.pageExecute(request, "GET").getBody();
        } catch (AlipayApiException e) {
            throw new AlipayUnavailableException("page.pay", e);
        }
    }

    /** alipay.trade.wap.pay: the URL of the mobile H5 cashier page. */
    public String wapPayUrl(Trade trade) {
        AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
        model.setOutTradeNo(trade.orderNo());
        model.setTotalAmount(AlipayAmounts.yuan(trade.amountFen()));
        model.setSubject(trade.subject());
        model.setProductCode("QUICK_WAP_WAY");
        model.setTimeExpire(ALIPAY_TIME.format(trade.expiresAt()));
        AlipayTradeWapPayRequest request = new AlipayTradeWapPayRequest();
        request.setBizModel(model);
        request.setNotifyUrl(properties.notifyUrl());
        request.setReturnUrl(properties.returnUrl());
        try {
            return client.pageExecute(request, "GET").getBody();
        } catch (AlipayApiException e) {
            throw new AlipayUnavailableException("wap.pay", e);
        }
    }

    /** alipay.trade.precreate: the QR code content for the buyer to scan. */
    public String precreateQrCode(Trade trade) {
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(trade.orderNo());
        model.setTotalAmount(AlipayAmounts.yuan(trade.amountFen()));
        model.setSubject(trade.subject());
        model.setTimeExpire(ALIPAY_TIME.format(trade.expiresAt()));
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        request.setNotifyUrl(properties.notifyUrl());
        AlipayTradePrecreateResponse response = execute(request, "precreate");
        if (!response.isSuccess() || response.getQrCode() == null) {
            throw new AlipayUnavailableException("precreate: " + response.getCode() + " " + response.getSubCode(), null);
        }
        return response.getQrCode();
    }

    /** The trade as Alipay knows it; {@code exists} false when the buyer never opened the cashier. */
    public record TradeState(boolean exists, TradeStatus status, String tradeNo, Long totalFen, String sellerId) {

        public boolean paid() {
            return exists && status != null && status.paid();
        }
    }

    /** alipay.trade.query; throws {@link AlipayUnavailableException} when the answer is unknown. */
    public TradeState query(String orderNo) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(orderNo);
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        AlipayTradeQueryResponse response = execute(request, "query");
        if (response.isSuccess()) {
            return new TradeState(true, TradeStatus.parse(response.getTradeStatus()), response.getTradeNo(),
                    AlipayAmounts.fen(response.getTotalAmount()), null);
        }
        if ("ACQ.TRADE_NOT_EXIST".equals(response.getSubCode())) {
            return new TradeState(false, null, null, null, null);
        }
        throw new AlipayUnavailableException("query: " + response.getCode() + " " + response.getSubCode(), null);
    }

    /** alipay.trade.close, best effort: a trade that does not exist or is already closed is fine. */
    public void close(String orderNo) {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(orderNo);
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        try {
            AlipayTradeCloseResponse response = client.execute(request);
            if (!response.isSuccess() && !"ACQ.TRADE_NOT_EXIST".equals(response.getSubCode())) {
                log.info("Alipay trade.close of {} answered {} {}", orderNo, response.getCode(), response.getSubCode());
            }
        } catch (AlipayApiException e) {
            log.info("Alipay trade.close of {} failed: {}", orderNo, e.getMessage());
        }
    }

    /** How a refund call ended: done, refused for good (with Alipay's code), or unknown (retry with the same number). */
    public record RefundOutcome(Kind kind, String code) {

        public enum Kind { SUCCEEDED, FAILED, UNKNOWN }
    }

    /** alipay.trade.refund. Repeating it with the same out_request_no refunds at most once. */
    public RefundOutcome refund(String orderNo, String outRequestNo, long amountFen, String reason) {
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(orderNo);
        model.setOutRequestNo(outRequestNo);
        model.setRefundAmount(AlipayAmounts.yuan(amountFen));
        model.setRefundReason(reason);
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        AlipayTradeRefundResponse response;
        try {
            response = client.execute(request);
        } catch (AlipayApiException e) {
            return new RefundOutcome(RefundOutcome.Kind.UNKNOWN, "IO: " + shorten(e.getMessage()));
        }
        if (response.isSuccess()) {
            return new RefundOutcome(RefundOutcome.Kind.SUCCEEDED, null);
        }
        String code = response.getSubCode() == null ? response.getCode() : response.getSubCode();
        // 20000 / ACQ.SYSTEM_ERROR: Alipay itself does not know yet; anything else is a business refusal
        boolean unknown = response.getSubCode() == null || "20000".equals(response.getCode())
                || "ACQ.SYSTEM_ERROR".equals(response.getSubCode());
        return new RefundOutcome(unknown ? RefundOutcome.Kind.UNKNOWN : RefundOutcome.Kind.FAILED, shorten(code));
    }

    /** rsaCheckV1 over a notify's parameters (a copy: the SDK removes sign and sign_type from the map it gets). */
    public boolean verifyNotify(Map<String, String> params) {
        if (params.get("sign") == null) {
            return false;
        }
        try {
            return AlipaySignature.rsaCheckV1(new HashMap<>(params), properties.alipayPublicKey(), CHARSET, SIGN_TYPE);
        } catch (AlipayApiException e) {
            return false;
        }
    }

    private <T extends com.alipay.api.AlipayResponse> T execute(com.alipay.api.AlipayRequest<T> request, String what) {
        try {
            return client.execute(request);
        } catch (AlipayApiException e) {
            throw new AlipayUnavailableException(what, e);
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 90 ? text : text.substring(0, 90);
    }
}
