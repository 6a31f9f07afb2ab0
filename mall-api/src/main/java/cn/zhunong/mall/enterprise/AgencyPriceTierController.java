package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "企业团购阶梯价（机构）")
@RestController
@RequestMapping("/api/v1/agency/skus/{skuId}/price-tiers")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class AgencyPriceTierController {

    private final PriceTierService tiers;

    public AgencyPriceTierController(PriceTierService tiers) {
        this.tiers = tiers;
    }

    @GetMapping
    public PriceTierResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId) {
        return tiers.get(user, skuId);
    }

    @Operation(summary = "设置规格的企业团购阶梯价（整表替换；不高于售价）")
    @PutMapping
    public PriceTierResponse replace(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId,
            @Valid @RequestBody PriceTierRequest request) {
        return tiers.replace(user, skuId, request);
    }
}
