package cn.zhunong.mall.payment;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.order.OrderResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "支付")
@RestController
@RequestMapping("/api/v1/orders/{orderId}/payments/alipay")
@Secured({"ROLE_CITIZEN", "ROLE_HOST"})
public class PaymentController {

    private final PaymentService service;

    public PaymentController(PaymentService service) {
        this.service = service;
    }

    @Operation(summary = "发起支付宝支付（电脑网站 PAGE / 手机网站 WAP / 扫码 QR），金额取自订单")
    @PostMapping
    public PaymentResponse start(@AuthenticationPrincipal CurrentUser user, @PathVariable long orderId,
            @Valid @RequestBody StartPaymentRequest request) {
        return service.start(user, orderId, request.channel());
    }

    @Operation(summary = "从收银台返回后向支付宝查询支付结果（不信任返回地址的参数）")
    @PostMapping("/sync")
    public OrderResponse sync(@AuthenticationPrincipal CurrentUser user, @PathVariable long orderId) {
        return service.sync(user, orderId);
    }
}
