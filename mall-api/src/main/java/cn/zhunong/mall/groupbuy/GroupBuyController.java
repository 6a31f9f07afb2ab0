package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.order.IdempotencyKeys;
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
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "拼团（买家）")
@RestController
@Secured({"ROLE_CITIZEN", "ROLE_HOST"})
public class GroupBuyController {

    private final GroupBuyOrderService orders;

    public GroupBuyController(GroupBuyOrderService orders) {
        this.orders = orders;
    }

    @Operation(summary = "开团（下单，需 Idempotency-Key；付款后成为团长）")
    @PostMapping("/api/v1/group-buy-activities/{activityId}/groups")
    public ResponseEntity<GroupOrderResponse> open(@AuthenticationPrincipal CurrentUser user, @PathVariable long activityId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody GroupOrderRequest request) {
        return answer(orders.open(user, idempotencyKey, activityId, request));
    }

    @Operation(summary = "参团（下单，需 Idempotency-Key；付款时占座）")
    @PostMapping("/api/v1/group-buys/{groupId}/members")
    public ResponseEntity<GroupOrderResponse> join(@AuthenticationPrincipal CurrentUser user, @PathVariable long groupId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody GroupOrderRequest request) {
        return answer(orders.join(user, idempotencyKey, groupId, request));
    }

    @Operation(summary = "我的拼团")
    @GetMapping("/api/v1/group-buys/mine")
    public PageResult<MyGroupView> mine(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return orders.mine(user, page);
    }

    private static ResponseEntity<GroupOrderResponse> answer(GroupBuyOrderService.Placed placed) {
        if (!placed.created()) {
            return ResponseEntity.ok(placed.response());
        }
        return ResponseEntity.created(URI.create("/api/v1/orders/" + placed.response().order().id())).body(placed.response());
    }
}
