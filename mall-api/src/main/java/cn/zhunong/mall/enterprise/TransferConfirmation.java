package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.crypto.Sha256;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.ledger.payout.ProofType;
import cn.zhunong.mall.order.OrderLifecycle;
import cn.zhunong.mall.order.PaymentMethod;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * A platform admin confirms that a purchase's bank transfer arrived (对公转账到账确认): the proof is
 * kept, and every order of the purchase goes CREATED -> PAID with payment_method BANK_TRANSFER
 * through {@link OrderLifecycle}'s compare-and-set — which writes ORDER_PAID, so the ledger credits
 * the households against clearing:bank-transfer. Confirming again, or twice at once, is harmless:
 * each order is moved by exactly one caller, the first proof stays, the purchase turns PAID once.
 */
@Service
public class TransferConfirmation {

    private final PurchaseService purchases;
    private final EnterprisePurchaseMapper mapper;
    private final PurchaseStore store;
    private final OrderLifecycle lifecycle;
    private final JdbcTemplate jdbc;
    private final EnterpriseProperties properties;
    private final Clock clock;

    public TransferConfirmation(PurchaseService purchases, EnterprisePurchaseMapper mapper, PurchaseStore store,
            OrderLifecycle lifecycle, JdbcTemplate jdbc, EnterpriseProperties properties, Clock clock) {
        this.purchases = purchases;
        this.mapper = mapper;
        this.store = store;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public PurchaseResponse confirm(CurrentUser admin, long purchaseId, long amountFen, MultipartFile file) {
        EnterprisePurchase purchase = purchases.require(purchaseId);
        if (purchase.getPaymentMethod() != PaymentMethod.BANK_TRANSFER) {
            throw ApiException.conflict("NOT_BANK_TRANSFER_PURCHASE", "该团购单约定的付款方式不是对公转账");
        }
        if (purchase.getStatus() == PurchaseStatus.PAID) {
            return purchases.view(purchase);
        }
        if (purchase.getStatus() != PurchaseStatus.PLACED) {
            throw EnterpriseErrors.stateConflict(purchase.getStatus(), "确认转账");
        }
        if (purchase.getTransferReference() == null) {
            throw ApiException.conflict("TRANSFER_NOT_RECORDED", "采购单位尚未登记转账流水号");
        }
        byte[] bytes = read(file);
        ProofType kind = proofType(bytes, properties.maxProofBytes());
        List<PurchaseStore.OrderRef> orders = store.orderRefs(purchaseId);
        long total = orders.stream().mapToLong(PurchaseStore.OrderRef::totalFen).sum();
        if (amountFen != total) {
            throw EnterpriseErrors.unprocessable("TRANSFER_AMOUNT_MISMATCH", "到账金额 " + amountFen + " 分与团购单应付 " + total + " 分不符");
        }
        if (orders.stream().anyMatch(o -> "CLOSED".equals(o.status()))) {
            throw ApiException.conflict("PURCHASE_ORDER_CLOSED", "团购单中有订单已关闭，不能整单确认到账，请联系技术支持处理");
        }
        Instant now = now();
        keepProof(purchaseId, kind, bytes, amountFen, admin.id(), now);
        for (PurchaseStore.OrderRef order : orders) {
            if ("CREATED".equals(order.status())) {
                // false: a concurrent confirmation moved it first
                lifecycle.markPaid(order.id(), PaymentMethod.BANK_TRANSFER, order.totalFen());
            }
        }
        mapper.confirmPaid(purchaseId, admin.id(), now);
        return purchases.view(mapper.selectById(purchaseId));
    }

    private void keepProof(long purchaseId, ProofType kind, byte[] bytes, long amountFen, long adminId, Instant now) {
        try {
            jdbc.update("INSERT INTO enterprise_transfer_proof (purchase_id, content_type, size_bytes, sha256, content, amount_fen, "
                    + "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", purchaseId, kind.contentType(), bytes.length,
                    Sha256.hex(bytes), bytes, amountFen, adminId, Timestamp.from(now));
        } catch (DuplicateKeyException firstProofStays) {
            // a confirmation before (or at the same time) stored its proof: it stays the record
        }
    }

    /** The proof's type by its first bytes (the payout proofs' rule: PDF, PNG or JPEG), within the size limit. */
    private static ProofType proofType(byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest("PROOF_REQUIRED", "请上传转账凭证（图片或 PDF，字段名 file）");
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "PROOF_TOO_LARGE", "转账凭证不能超过 " + maxBytes / 1024 + " KB");
        }
        return ProofType.detect(bytes).orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "PROOF_TYPE_UNSUPPORTED", "转账凭证须为 PDF、PNG 或 JPEG 文件"));
    }

    private static byte[] read(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw ApiException.badRequest("PROOF_UNREADABLE", "转账凭证读取失败");
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
