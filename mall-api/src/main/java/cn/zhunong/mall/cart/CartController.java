package cn.zhunong.mall.cart;

import cn.zhunong.mall.infra.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "购物车")
@RestController
@RequestMapping("/api/v1/cart")
@Secured({"ROLE_CITIZEN", "ROLE_HOST"})
public class CartController {

    private final CartService service;

    public CartController(CartService service) {
        this.service = service;
    }

    @Operation(summary = "我的购物车（按发货机构分组，价格为当前价）")
    @GetMapping
    public CartResponse view(@AuthenticationPrincipal CurrentUser user) {
        return service.view(user.id());
    }

    @Operation(summary = "设置某规格的数量")
    @PutMapping("/items/{skuId}")
    public CartResponse put(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId,
            @Valid @RequestBody CartItemRequest request) {
        return service.put(user.id(), skuId, request.quantity());
    }

    @Operation(summary = "移除某规格")
    @DeleteMapping("/items/{skuId}")
    public CartResponse remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId) {
        return service.remove(user.id(), skuId);
    }

    @Operation(summary = "清空购物车")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void clear(@AuthenticationPrincipal CurrentUser user) {
        service.clear(user.id());
    }
}
