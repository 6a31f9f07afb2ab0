package cn.zhunong.mall.ledger.reconcile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ledger admin", description = "账本校验：哈希链、借贷平衡、余额与内部对账")
@RestController
@RequestMapping("/api/v1/admin/ledger")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
public class LedgerAdminController {

    private final LedgerVerifier verifier;
    private final LedgerReconciler reconciler;

    LedgerAdminController(LedgerVerifier verifier, LedgerReconciler reconciler) {
        this.verifier = verifier;
        this.reconciler = reconciler;
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
}
