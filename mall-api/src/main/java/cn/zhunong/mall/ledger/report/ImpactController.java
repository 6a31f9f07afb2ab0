package cn.zhunong.mall.ledger.report;

import cn.zhunong.mall.infra.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Impact", description = "助农透明：订单带动了哪些农户、村级公开汇总")
@RestController
public class ImpactController {

    private final ImpactService impact;

    ImpactController(ImpactService impact) {
        this.impact = impact;
    }

    @Operation(summary = "Whom this order credited (consenting households by public alias) and whether it was paid out; buyer, agency staff or admin")
    @GetMapping("/api/v1/orders/{orderId}/impact")
    OrderImpact orderImpact(@AuthenticationPrincipal CurrentUser user, @PathVariable long orderId) {
        return impact.orderImpact(user, orderId);
    }

    @Operation(summary = "A village's public totals (no personal data); no login needed")
    @GetMapping("/api/v1/public/villages/{villageId}/impact")
    VillageImpact villageImpact(@PathVariable long villageId) {
        return impact.villageImpact(villageId);
    }
}
