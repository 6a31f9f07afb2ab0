package cn.zhunong.mall.order.refund;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "退款（机构）")
@RestController
@RequestMapping("/api/v1/agency/refunds")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class AgencyRefundController {

    private final RefundService service;

    public AgencyRefundController(RefundService service) {
        this.service = service;
    }

    @Operation(summary = "退款申请列表")
    @GetMapping
    public PageResult<RefundResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid RefundFilter filter,
            @Valid PageQuery page) {
        return service.list(user, filter, page);
    }

    @Operation(summary = "退款申请详情")
    @GetMapping("/{id}")
    public RefundResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.get(user, id);
    }

    @Operation(summary = "同意退款（随即通过支付宝原路退回；结果未知时自动以同一退款请求号重试）")
    @PostMapping("/{id}/approve")
    public RefundResponse approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.approve(user, id);
    }

    @Operation(summary = "拒绝退款")
    @PostMapping("/{id}/reject")
    public RefundResponse reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody RefundRejection request) {
        return service.reject(user, id, request.reason());
    }
}
