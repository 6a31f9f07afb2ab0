package cn.zhunong.mall.fair;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.order.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "展销（机构）")
@RestController
@RequestMapping("/api/v1/agency/fairs")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class FairController {

    private final FairService fairs;
    private final FairSaleService sales;

    public FairController(FairService fairs, FairSaleService sales) {
        this.fairs = fairs;
        this.sales = sales;
    }

    @Operation(summary = "登记展销活动")
    @PostMapping
    public ResponseEntity<FairResponse> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody CreateFairRequest request) {
        FairResponse fair = fairs.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/agency/fairs/" + fair.id())).body(fair);
    }

    @Operation(summary = "展销活动列表")
    @GetMapping
    public PageResult<FairResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return fairs.list(user, page);
    }

    @Operation(summary = "展销活动详情")
    @GetMapping("/{id}")
    public FairResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return fairs.get(user, id);
    }

    @Operation(summary = "上传现场凭证照片（JPEG/PNG/WebP）")
    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<EvidenceResponse> upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestPart("file") MultipartFile file) {
        EvidenceResponse uploaded = fairs.upload(user, id, file);
        return ResponseEntity.created(URI.create(uploaded.url())).body(uploaded);
    }

    @Operation(summary = "查看凭证照片")
    @GetMapping("/{id}/evidence/{evidenceId}")
    public ResponseEntity<Resource> photo(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long evidenceId) {
        FairService.Photo photo = fairs.photo(user, id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.resource());
    }

    @Operation(summary = "登记现场销售（需 Idempotency-Key；按线下已支付订单入账）")
    @PostMapping("/{id}/sales")
    public ResponseEntity<FairSaleResponse> record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody FairSaleRequest request) {
        FairSaleService.Recorded recorded = sales.record(user, id, idempotencyKey, request);
        if (!recorded.created()) {
            return ResponseEntity.ok(recorded.response());
        }
        return ResponseEntity.created(URI.create("/api/v1/agency/fairs/" + id + "/sales/" + recorded.response().id()))
                .body(recorded.response());
    }

    @Operation(summary = "本场展销的销售记录")
    @GetMapping("/{id}/sales")
    public PageResult<FairSaleResponse> sales(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid PageQuery page) {
        return sales.list(user, id, page);
    }
}
