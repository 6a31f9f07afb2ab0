package cn.zhunong.mall.order.refund;

import cn.zhunong.mall.infra.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "退款（买家）")
@RestController
@RequestMapping("/api/v1/orders/{orderId}/refunds")
@Secured({"ROLE_CITIZEN", "ROLE_HOST"})
public class RefundController {

    private final RefundService service;

    public RefundController(RefundService service) {
        this.service = service;
    }

    @Operation(summary = "申请退款（一项商品；生鲜仅限收货后 48 小时内的质量问题）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public RefundResponse apply(@AuthenticationPrincipal CurrentUser user, @PathVariable long orderId,
            @Valid @RequestBody RefundApplication application) {
        return service.apply(user, orderId, application);
    }

    @Operation(summary = "订单的退款记录")
    @GetMapping
    public List<RefundResponse> list(@AuthenticationPrincipal CurrentUser user, @PathVariable long orderId) {
        return service.ofOrder(user, orderId);
    }
}
