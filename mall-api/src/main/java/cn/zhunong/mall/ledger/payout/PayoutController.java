package cn.zhunong.mall.ledger.payout;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Tag(name = "Payouts", description = "打款到户：按村批量打款、登记打款凭证、确认到账")
@RestController
@RequestMapping("/api/v1/ledger/payout-batches")
@Secured({"ROLE_AGENCY_STAFF", "ROLE_PLATFORM_ADMIN"})
@Validated
public class PayoutController {

    private final PayoutService payouts;

    PayoutController(PayoutService payouts) {
        this.payouts = payouts;
    }

    @Operation(summary = "Create a payout batch for a village (Idempotency-Key makes a retried request return the same batch)")
    @PostMapping
    ResponseEntity<PayoutBatchResponse> create(@AuthenticationPrincipal CurrentUser user,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9\\-_:.]+") String idempotencyKey,
            @Valid @RequestBody CreatePayoutBatchRequest request) {
        PayoutBatchResponse batch = payouts.create(user, request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/ledger/payout-batches/" + batch.id())).body(batch);
    }

    @Operation(summary = "Payout batches of a village, newest first")
    @GetMapping
    PageResult<PayoutBatchResponse> list(@AuthenticationPrincipal CurrentUser user, @RequestParam long villageId,
            @ParameterObject @Valid PageQuery page) {
        return payouts.list(user, villageId, page);
    }

    @Operation(summary = "A batch with its items")
    @GetMapping("/{batchId}")
    PayoutBatchResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long batchId) {
        return payouts.get(user, batchId);
    }

    @Operation(summary = "Record that a household was paid (bank serial or cash receipt number)")
    @PostMapping("/{batchId}/items/{itemId}/paid")
    PayoutItemResponse paid(@AuthenticationPrincipal CurrentUser user, @PathVariable long batchId, @PathVariable long itemId,
            @Valid @RequestBody MarkPaidRequest request) {
        return payouts.markPaid(user, batchId, itemId, request);
    }

    @Operation(summary = "Upload the proof (JPEG, PNG or PDF, at most 5 MB)")
    @PostMapping(path = "/{batchId}/items/{itemId}/proof", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PayoutItemResponse uploadProof(@AuthenticationPrincipal CurrentUser user, @PathVariable long batchId,
            @PathVariable long itemId, @RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > ProofType.MAX_BYTES) {
            throw new ApiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "PROOF_TOO_LARGE", "凭证文件不能超过 5 MB");
        }
        return payouts.uploadProof(user, batchId, itemId, file.getBytes());
    }

    @Operation(summary = "Download the proof")
    @GetMapping("/{batchId}/items/{itemId}/proof")
    ResponseEntity<byte[]> proof(@AuthenticationPrincipal CurrentUser user, @PathVariable long batchId, @PathVariable long itemId) {
        PayoutService.Proof proof = payouts.proof(user, batchId, itemId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(proof.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(proof.content());
    }

    @Operation(summary = "Record the household's receipt (needs the proof)")
    @PostMapping("/{batchId}/items/{itemId}/confirm")
    PayoutItemResponse confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long batchId, @PathVariable long itemId,
            @Valid @RequestBody(required = false) ConfirmReceiptRequest request) {
        return payouts.confirm(user, batchId, itemId, request);
    }
}
