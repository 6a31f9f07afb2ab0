package cn.zhunong.mall.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alipay's asynchronous notify: public (Alipay has no token), form-encoded, answered in plain text.
 * "success" is written only after the service returned, i.e. after its transaction committed;
 * anything else makes Alipay retry later.
 */
@Tag(name = "支付宝回调")
@RestController
public class AlipayNotifyController {

    private final AlipayNotifyService service;

    public AlipayNotifyController(AlipayNotifyService service) {
        this.service = service;
    }

    @Operation(summary = "支付宝异步通知（验签后处理，成功返回 success）")
    @PostMapping(path = "/api/v1/payments/alipay/notify", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_PLAIN_VALUE)
    public String notify(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        return service.handle(params) ? "success" : "failure";
    }
}
