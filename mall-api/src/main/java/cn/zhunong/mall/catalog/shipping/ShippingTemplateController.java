package cn.zhunong.mall.catalog.shipping;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "运费模板（机构）")
@RestController
@RequestMapping("/api/v1/agency/shipping-templates")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class ShippingTemplateController {

    private final ShippingTemplateService service;

    public ShippingTemplateController(ShippingTemplateService service) {
        this.service = service;
    }

    @Operation(summary = "新建运费模板（包邮 / 固定运费 / 按重量；不配送地区）")
    @PostMapping
    public ResponseEntity<ShippingTemplateResponse> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody ShippingTemplateRequest request) {
        ShippingTemplateResponse created = service.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/agency/shipping-templates/" + created.id())).body(created);
    }

    @Operation(summary = "运费模板列表")
    @GetMapping
    public PageResult<ShippingTemplateResponse> list(@AuthenticationPrincipal CurrentUser user,
            @ParameterObject @Valid ShippingTemplateFilter filter, @ParameterObject @Valid PageQuery page) {
        return service.list(user, filter, page);
    }

    @Operation(summary = "查看运费模板")
    @GetMapping("/{id}")
    public ShippingTemplateResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.get(user, id);
    }

    @Operation(summary = "修改运费模板")
    @PutMapping("/{id}")
    public ShippingTemplateResponse update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ShippingTemplateRequest request) {
        return service.update(user, id, request);
    }

    @Operation(summary = "删除未被商品使用的运费模板")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        service.delete(user, id);
        return ResponseEntity.noContent().build();
    }
}
