package cn.zhunong.mall.ledger.payout;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record MarkPaidRequest(
        @NotNull PayoutMethod method,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9\\-_/]+", message = "只能包含字母、数字和 - _ /") String reference) {
}
