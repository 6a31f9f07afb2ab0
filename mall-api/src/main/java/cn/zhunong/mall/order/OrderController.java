package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.payment.UnpaidOrders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "订单（买家）")
@RestController
@RequestMapping("/api/v1/orders")
@Secured({"ROLE_CITIZEN", "ROLE_HOST"})
public class OrderController {

    private final OrderPlacementService placement;
    private final OrderQueryService queries;
    private final OrderLifecycle lifecycle;
    private final UnpaidOrders unpaid;

    public OrderController(OrderPlacementService placement, OrderQueryService queries, OrderLifecycle lifecycle,
            UnpaidOrders unpaid) {
        this.placement = placement;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.unpaid = unpaid;
    }

    @Operation(summary = "试算：按当前价格计算商品金额、运费和总额（不下单、不占库存）")
    @PostMapping("/quote")
    public QuoteResponse quote(@Valid @RequestBody CreateOrderRequest request) {
        return placement.quote(request);
    }

    @Operation(summary = "下单（需 Idempotency-Key；同一键重放返回同一订单 200）")
    @PostMapping
    public ResponseEntity<OrderResponse> create(@AuthenticationPrincipal CurrentUser user,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CreateOrderRequest request) {
        OrderPlacementService.Placement placed = placement.place(user, idempotencyKey, request);
        if (!placed.created()) {
            return ResponseEntity.ok(placed.order());
        }
        return ResponseEntity.created(URI.create("/api/v1/orders/" + placed.order().id())).body(placed.order());
    }

    @Operation(summary = "我的订单")
    @GetMapping
    public PageResult<OrderResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid OrderFilter filter,
            @Valid PageQuery page) {
        return queries.listMine(user, filter, page);
    }

    @Operation(summary = "订单详情")
    @GetMapping("/{id}")
    public OrderResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return queries.mine(user, id);
    }

    @Operation(summary = "取消未支付的订单（释放库存）")
    @PostMapping("/{id}/cancel")
    public OrderResponse cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        unpaid.cancel(queries.requireOwn(user, id));
        return queries.mine(user, id);
    }

    @Operation(summary = "确认收货")
    @PostMapping("/{id}/confirm-receipt")
    public OrderResponse confirmReceipt(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        lifecycle.confirmReceipt(queries.requireOwn(user, id));
        return queries.mine(user, id);
    }
}
