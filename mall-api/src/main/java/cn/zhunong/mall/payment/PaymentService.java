package cn.zhunong.mall.payment;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderErrors;
import cn.zhunong.mall.order.OrderLine;
import cn.zhunong.mall.order.OrderLineMapper;
import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderQueryService;
import cn.zhunong.mall.order.OrderResponse;
import cn.zhunong.mall.order.OrderStatus;
import cn.zhunong.mall.order.PaymentMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Starts an Alipay payment for an unpaid order. The amount is the order's total and the Alipay
 * trade expires when the order does (time_expire), so Alipay refuses payment once we would close.
 */
@Service
public class PaymentService {

    /** Not worth opening a cashier for less time than this. */
    private static final Duration MIN_TIME_LEFT = Duration.ofSeconds(60);

    private final OrderQueryService orderQueries;
    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final AlipayGateway alipay;
    private final UnpaidOrders unpaid;
    private final Clock clock;

    public PaymentService(OrderQueryService orderQueries, OrderMapper orders, OrderLineMapper lines, AlipayGateway alipay,
            UnpaidOrders unpaid, Clock clock) {
        this.orderQueries = orderQueries;
        this.orders = orders;
        this.lines = lines;
        this.alipay = alipay;
        this.unpaid = unpaid;
        this.clock = clock;
    }

    public PaymentResponse start(CurrentUser buyer, long orderId, PayChannel channel) {
        Order order = orderQueries.requireOwn(buyer, orderId);
        if (order.getStatus() != OrderStatus.CREATED) {
            throw OrderErrors.stateConflict(order.getStatus(), "支付");
        }
        if (order.getPaymentMethod() != null && order.getPaymentMethod() != PaymentMethod.ALIPAY) {
            // e.g. a 企业团购 order to be paid by bank transfer: a second, Alipay payment is refused
            throw ApiException.conflict("PAYMENT_METHOD_NOT_ALIPAY", "该订单约定以对公转账等方式付款，不能使用支付宝支付");
        }
        Instant now = clock.instant();
        if (order.getExpiresAt().minus(MIN_TIME_LEFT).isBefore(now)) {
            throw ApiException.conflict("PAYMENT_WINDOW_CLOSED", "订单即将超时关闭，请重新下单");
        }
        // recorded before Alipay is called: from now on the sweeper asks Alipay before closing
        if (orders.markPaymentStarted(orderId, channel.name(), now) == 0) {
            throw OrderErrors.stateConflict(orders.selectById(orderId).getStatus(), "支付");
        }
        AlipayGateway.Trade trade = new AlipayGateway.Trade(order.getOrderNo(), order.getTotalFen(),
                subject(lines.findByOrderId(orderId)), order.getExpiresAt());
        try {
            return switch (channel) {
                case PAGE -> response(order, channel, alipay.pagePayUrl(trade), null);
                case WAP -> response(order, channel, alipay.wapPayUrl(trade), null);
                case QR -> response(order, channel, null, alipay.precreateQrCode(trade));
            };
        } catch (AlipayUnavailableException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PAYMENT_PROVIDER_UNAVAILABLE", "支付宝暂时无法响应，请稍后重试");
        }
    }

    /**
     * The buyer came back from the cashier: the return URL's parameters are never trusted, the
     * server asks Alipay itself.
     */
    public OrderResponse sync(CurrentUser buyer, long orderId) {
        Order order = orderQueries.requireOwn(buyer, orderId);
        if (order.getStatus() == OrderStatus.CREATED && order.getPaymentStartedAt() != null) {
            try {
                unpaid.paidAtAlipay(order);
            } catch (AlipayUnavailableException e) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PAYMENT_PROVIDER_UNAVAILABLE", "支付宝暂时无法响应，请稍后重试");
            }
        }
        return orderQueries.mine(buyer, orderId);
    }

    private static PaymentResponse response(Order order, PayChannel channel, String payUrl, String qrCode) {
        return new PaymentResponse(order.getId(), order.getOrderNo(), channel, order.getTotalFen(), order.getExpiresAt(), payUrl,
                qrCode);
    }

    private static String subject(List<OrderLine> orderLines) {
        String first = orderLines.get(0).getProductName();
        String subject = orderLines.size() == 1 ? first : first + " 等" + orderLines.size() + "件商品";
        return "助农商城-" + subject;
    }
}
