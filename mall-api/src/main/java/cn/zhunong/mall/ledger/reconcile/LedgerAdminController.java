package cn.zhunong.mall.ledger.reconcile;

import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.ledger.reconcile.bill.TradeBillParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Ledger admin", description = "账本校验：哈希链、借贷平衡、余额、内部对账与支付宝账单对账")
@RestController
@RequestMapping("/api/v1/admin/ledger")
@Secured("ROLE_PLATFORM_ADMIN")
public class LedgerAdminController {

    private final LedgerVerifier verifier;
    private final LedgerReconciler reconciler;
    private final ExternalBillReconciliation bills;
    private final BillReconciliationProperties billSettings;

    LedgerAdminController(LedgerVerifier verifier, LedgerReconciler reconciler, ExternalBillReconciliation bills,
            BillReconciliationProperties billSettings) {
        this.verifier = verifier;
        this.reconciler = reconciler;
        this.bills = bills;
        this.billSettings = billSettings;
    }

    @Operation(summary = "Re-walk the whole journal: hashes, balance of every entry, every account balance")
    @PostMapping("/verify")
    VerificationReport verify() {
        return verifier.verify();
    }

    @Operation(summary = "Internal reconciliation: allocations vs household credits, balances, clearing vs paid − refunded")
    @PostMapping("/reconcile")
    ReconciliationReport reconcile() {
        return reconciler.reconcile();
    }

    @Operation(summary = "Download the Alipay trade bill of a day (Asia/Shanghai) and reconcile it with our payments and refunds")
    @GetMapping("/reconcile/alipay-bill")
    BillReconciliationReport alipayBill(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return bills.reconcile(date);
    }

    @Operation(summary = "Reconcile an uploaded Alipay trade bill of a day (the ZIP as downloaded, or its 业务明细 CSV)")
    @PostMapping(path = "/reconcile/alipay-bill", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BillReconciliationReport alipayBillUpload(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("BILL_FILE_REQUIRED", "请上传账单文件");
        }
        if (file.getSize() > billSettings.maxUploadBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "BILL_FILE_TOO_LARGE", "账单文件过大");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        byte[] bytes = file.getBytes();
        boolean zip = TradeBillParser.isZip(bytes);
        if (!(zip && name.endsWith(".zip")) && !(!zip && name.endsWith(".csv"))) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "BILL_FILE_TYPE",
                    "请上传支付宝下载的账单压缩包（.zip）或其中的业务明细文件（.csv）");
        }
        return bills.reconcile(date, bytes);
    }
}
