package cn.zhunong.mall.ledger.payout;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Pays every household of the village whose available income is positive and that has no unpaid item. */
public record CreatePayoutBatchRequest(@NotNull @Positive Long villageId, @Size(max = 200) String note) {
}
