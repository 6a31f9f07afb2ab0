package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.infra.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

/** 企业团购 for an organisation's purchasers (CITIZEN accounts linked to it). */
@Tag(name = "企业团购（采购单位）")
@RestController
@RequestMapping("/api/v1/enterprise")
@Secured("ROLE_CITIZEN")
public class EnterpriseController {

    private final OrgService orgs;
    private final PurchaseService purchases;
    private final PurchasePlacement placement;

    public EnterpriseController(OrgService orgs, PurchaseService purchases, PurchasePlacement placement) {
        this.orgs = orgs;
        this.purchases = purchases;
        this.placement = placement;
    }

    @Operation(summary = "本单位信息")
    @GetMapping("/org")
    public OrgResponse org(@AuthenticationPrincipal CurrentUser user) {
        return orgs.get(orgs.requirePurchaserOrg(user));
    }

    @Operation(summary = "本单位年度采购目标完成情况（已付 − 已退）")
    @GetMapping("/progress")
    public ProgressResponse progress(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year) {
        return orgs.progress(orgs.requirePurchaserOrg(user), year == null ? orgs.thisYear() : year);
    }

    @Operation(summary = "询价：按阶梯价为多个规格报价")
    @PostMapping("/purchases")
    public ResponseEntity<PurchaseResponse> quote(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody QuoteRequest request) {
        PurchaseResponse created = purchases.quote(user, request);
        return ResponseEntity.created(URI.create("/api/v1/enterprise/purchases/" + created.id())).body(created);
    }

    @GetMapping("/purchases")
    public PageResult<PurchaseSummary> list(@AuthenticationPrincipal CurrentUser user, @Valid @ParameterObject PageQuery page) {
        return purchases.list(user, page);
    }

    @GetMapping("/purchases/{id}")
    public PurchaseResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return purchases.get(user, id);
    }

    @Operation(summary = "接受报价")
    @PostMapping("/purchases/{id}/accept")
    public PurchaseResponse accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return purchases.accept(user, id);
    }

    @Operation(summary = "上传收货人 CSV（收货人,手机号,省份代码,详细地址；UTF-8 或 GBK；有错行则整份不导入）")
    @PostMapping(path = "/purchases/{id}/recipients", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public PurchaseResponse recipients(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        return purchases.uploadRecipients(user, id, file);
    }

    @Operation(summary = "填写发票信息（抬头、纳税人识别号）")
    @PutMapping("/purchases/{id}/invoice")
    public PurchaseResponse invoice(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody InvoiceRequest request) {
        return purchases.setInvoice(user, id, request);
    }

    @Operation(summary = "下单：每位收货人、每个发货机构一张订单（按报价单价）")
    @PostMapping("/purchases/{id}/place")
    public PurchaseResponse place(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody PlaceRequest request) {
        return placement.place(user, id, request);
    }

    @Operation(summary = "登记对公转账流水号")
    @PostMapping("/purchases/{id}/bank-transfer")
    public PurchaseResponse bankTransfer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody TransferRequest request) {
        return purchases.recordTransfer(user, id, request);
    }

    /** Every bad row of a rejected recipient file, by line, field and reason (never the value). */
    @ExceptionHandler(RecipientsInvalidException.class)
    ResponseEntity<ProblemDetail> recipientsInvalid(RecipientsInvalidException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        problem.setProperty("rows", e.rows());
        problem.setProperty("rowErrors", e.rowErrors());
        return ResponseEntity.status(e.status()).body(problem);
    }
}
