package cn.zhunong.mall.catalog.sku;

import cn.zhunong.mall.infra.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "商品规格与货源批次（机构）")
@RestController
@RequestMapping("/api/v1/agency/products/{productId}/skus")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class SkuController {

    private final SkuService service;

    public SkuController(SkuService service) {
        this.service = service;
    }

    @Operation(summary = "规格列表（含货源批次）")
    @GetMapping
    public List<SkuResponse> list(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId) {
        return service.list(user, productId);
    }

    @Operation(summary = "新增规格")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public SkuResponse create(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId,
            @Valid @RequestBody SkuRequest request) {
        return service.create(user, productId, request);
    }

    @Operation(summary = "修改规格（库存除外；status=DISABLED 停用）")
    @PutMapping("/{skuId}")
    public SkuResponse update(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId,
            @PathVariable long skuId, @Valid @RequestBody SkuRequest request) {
        return service.update(user, productId, skuId, request);
    }

    @Operation(summary = "调整库存（增减量）")
    @PostMapping("/{skuId}/stock-adjustments")
    public SkuResponse adjustStock(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId,
            @PathVariable long skuId, @Valid @RequestBody StockAdjustmentRequest request) {
        return service.adjustStock(user, productId, skuId, request.delta());
    }

    @Operation(summary = "登记货源批次（哪户供了多少、收购价或收益分成）")
    @PostMapping("/{skuId}/lots")
    @ResponseStatus(HttpStatus.CREATED)
    public SourceLotResponse addLot(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId,
            @PathVariable long skuId, @Valid @RequestBody SourceLotRequest request) {
        return service.addLot(user, productId, skuId, request);
    }

    @Operation(summary = "删除尚未分配销售的货源批次")
    @DeleteMapping("/{skuId}/lots/{lotId}")
    public ResponseEntity<Void> deleteLot(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId,
            @PathVariable long skuId, @PathVariable long lotId) {
        service.deleteLot(user, productId, skuId, lotId);
        return ResponseEntity.noContent().build();
    }
}
