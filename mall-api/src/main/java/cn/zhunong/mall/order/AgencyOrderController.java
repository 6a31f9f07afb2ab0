package cn.zhunong.mall.order;

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

@Tag(name = "订单（机构）")
@RestController
@RequestMapping("/api/v1/agency/orders")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class AgencyOrderController {

    private final OrderQueryService queries;
    private final OrderLifecycle lifecycle;

    public AgencyOrderController(OrderQueryService queries, OrderLifecycle lifecycle) {
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    @Operation(summary = "本机构（及牵手帮扶机构，只读）村庄的订单")
    @GetMapping
    public PageResult<OrderResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid OrderFilter filter,
            @Valid PageQuery page) {
        return queries.listForStaff(user, filter, page);
    }

    @Operation(summary = "订单详情（含收入规则快照）")
    @GetMapping("/{id}")
    public OrderResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return queries.forStaff(user, id);
    }

    @Operation(summary = "发货（承运商 + 运单号）")
    @PostMapping("/{id}/ship")
    public OrderResponse ship(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ShipRequest request) {
        lifecycle.ship(queries.requireWritableByStaff(user, id), request.carrier().trim(), request.trackingNo());
        return queries.forStaff(user, id);
    }
}
