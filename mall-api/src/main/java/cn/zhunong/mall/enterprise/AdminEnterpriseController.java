package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 企业团购 administration: organisations, purchasers, targets, confirming bank transfers. */
@Tag(name = "企业团购（平台管理）")
@RestController
@RequestMapping("/api/v1/admin/enterprise")
@Secured("ROLE_PLATFORM_ADMIN")
public class AdminEnterpriseController {

    private final OrgService orgs;
    private final PurchaseService purchases;
    private final TransferConfirmation transfers;

    public AdminEnterpriseController(OrgService orgs, PurchaseService purchases, TransferConfirmation transfers) {
        this.orgs = orgs;
        this.purchases = purchases;
        this.transfers = transfers;
    }

    @Operation(summary = "登记采购单位")
    @PostMapping("/orgs")
    public ResponseEntity<OrgResponse> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CreateOrgRequest request) {
        OrgResponse created = orgs.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/admin/enterprise/orgs/" + created.id())).body(created);
    }

    @GetMapping("/orgs")
    public PageResult<OrgResponse> list(@Valid @ParameterObject PageQuery page) {
        return orgs.list(page);
    }

    @GetMapping("/orgs/{orgId}")
    public OrgResponse get(@PathVariable long orgId) {
        return orgs.get(orgId);
    }

    @Operation(summary = "把普通用户账号设为单位采购人")
    @PutMapping("/orgs/{orgId}/purchasers/{userId}")
    public ResponseEntity<Void> link(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId, @PathVariable long userId) {
        orgs.linkPurchaser(user, orgId, userId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/orgs/{orgId}/purchasers/{userId}")
    public ResponseEntity<Void> unlink(@PathVariable long orgId, @PathVariable long userId) {
        orgs.unlinkPurchaser(orgId, userId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "设置单位年度采购目标（分）")
    @PutMapping("/orgs/{orgId}/targets/{year}")
    public ProgressResponse target(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId, @PathVariable int year,
            @Valid @RequestBody TargetRequest request) {
        return orgs.setTarget(user, orgId, year, request);
    }

    @Operation(summary = "单位年度采购目标完成情况（已付 − 已退）")
    @GetMapping("/orgs/{orgId}/progress")
    public ProgressResponse progress(@PathVariable long orgId, @RequestParam(required = false) Integer year) {
        return orgs.progress(orgId, year == null ? orgs.thisYear() : year);
    }

    @Operation(summary = "团购单列表（可按状态筛选，如待确认到账的 PLACED）")
    @GetMapping("/purchases")
    public PageResult<PurchaseSummary> purchases(@RequestParam(required = false) PurchaseStatus status,
            @Valid @ParameterObject PageQuery page) {
        return purchases.listAll(status, page);
    }

    @GetMapping("/purchases/{id}")
    public PurchaseResponse purchase(@PathVariable long id) {
        return purchases.view(purchases.require(id));
    }

    @Operation(summary = "确认对公转账到账（上传凭证：PDF/PNG/JPEG），整单订单标记为已支付")
    @PostMapping(path = "/purchases/{id}/transfer-confirmation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public PurchaseResponse confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam @Positive @Max(10_000_000_000_000L) long amountFen,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        return transfers.confirm(user, id, amountFen, file);
    }
}
