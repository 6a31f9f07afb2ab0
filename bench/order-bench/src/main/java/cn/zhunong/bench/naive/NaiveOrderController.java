package cn.zhunong.bench.naive;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.order.CreateOrderRequest;
import cn.zhunong.mall.order.IdempotencyKeys;
import cn.zhunong.mall.order.OrderResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** BENCHMARK ONLY: POST /bench/naive/orders, the naive path behind the same security, JSON and validation. */
@RestController
public class NaiveOrderController {

    private final NaivePlacement naive;

    public NaiveOrderController(NaivePlacement naive) {
        this.naive = naive;
    }

    @PostMapping("/bench/naive/orders")
    @ResponseStatus(HttpStatus.CREATED)
    public OrderResponse place(@AuthenticationPrincipal CurrentUser user,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody CreateOrderRequest request) {
        return naive.place(user, key, request);
    }
}
