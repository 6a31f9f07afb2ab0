package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderTransitionHook;
import cn.zhunong.mall.order.PaymentMethod;
import org.springframework.stereotype.Component;

/**
 * Refunds are paid back through Alipay, which never saw a bank-transfer payment: an application
 * for such an order would be approved and then fail at Alipay forever. Until refunds by bank
 * transfer exist, the buyer is told to arrange it with the platform instead.
 */
@Component
class BankTransferRefundGuard implements OrderTransitionHook {

    @Override
    public void beforeRefundApplication(Order order) {
        if (order.getPaymentMethod() == PaymentMethod.BANK_TRANSFER) {
            throw ApiException.conflict("REFUND_BANK_TRANSFER_OFFLINE", "对公转账支付的订单暂不支持在线退款，请联系平台线下办理");
        }
    }
}
