package cn.zhunong.mall.catalog.product;

import cn.zhunong.mall.catalog.certification.CertificationRequest;
import cn.zhunong.mall.catalog.certification.CertificationResponse;
import cn.zhunong.mall.catalog.certification.CertificationService;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import java.net.URI;
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

@Tag(name = "商品（机构）")
@RestController
@RequestMapping("/api/v1/agency/products")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class ProductController {

    private final ProductService service;
    private final CertificationService certifications;

    public ProductController(ProductService service, CertificationService certifications) {
        this.service = service;
        this.certifications = certifications;
    }

    @Operation(summary = "新建商品（草稿；产地村须由本机构服务）")
    @PostMapping
    public ResponseEntity<ProductAdminResponse> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody ProductRequest request) {
        ProductAdminResponse created = service.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/agency/products/" + created.id())).body(created);
    }

    @Operation(summary = "商品列表（本机构及牵手受援机构）")
    @GetMapping
    public PageResult<ProductSummary> list(@AuthenticationPrincipal CurrentUser user, @ParameterObject @Valid ProductFilter filter,
            @ParameterObject @Valid PageQuery page) {
        return service.list(user, filter, page);
    }

    @Operation(summary = "查看商品（含规格、货源批次、认证、图片）")
    @GetMapping("/{id}")
    public ProductAdminResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.get(user, id);
    }

    @Operation(summary = "修改商品")
    @PutMapping("/{id}")
    public ProductAdminResponse update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ProductRequest request) {
        return service.update(user, id, request);
    }

    @Operation(summary = "上架 / 下架（DRAFT→ON_SALE、ON_SALE↔OFF_SALE）")
    @PutMapping("/{id}/status")
    public ProductAdminResponse changeStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ProductStatusRequest request) {
        return service.changeStatus(user, id, request.status());
    }

    @Operation(summary = "设置活动标签（完整集合）")
    @PutMapping("/{id}/campaign-tags")
    public ProductAdminResponse replaceTags(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ProductTagsRequest request) {
        return service.replaceTags(user, id, request.codes());
    }

    @Operation(summary = "认证列表")
    @GetMapping("/{id}/certifications")
    public List<CertificationResponse> certifications(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return certifications.list(user, id);
    }

    @Operation(summary = "登记认证（扶贫产品认定 / 地理标志 / 绿色 / 有机）")
    @PostMapping("/{id}/certifications")
    @ResponseStatus(HttpStatus.CREATED)
    public CertificationResponse addCertification(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody CertificationRequest request) {
        return certifications.add(user, id, request);
    }

    @Operation(summary = "修改认证（如续期）")
    @PutMapping("/{id}/certifications/{certId}")
    public CertificationResponse updateCertification(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long certId, @Valid @RequestBody CertificationRequest request) {
        return certifications.update(user, id, certId, request);
    }

    @Operation(summary = "删除认证")
    @DeleteMapping("/{id}/certifications/{certId}")
    public ResponseEntity<Void> deleteCertification(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long certId) {
        certifications.delete(user, id, certId);
        return ResponseEntity.noContent().build();
    }
}
