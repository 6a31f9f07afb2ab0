package cn.zhunong.mall.fair;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of POST /agency/fairs/{id}/sales (with an Idempotency-Key).
 *
 * @param evidenceIds photos of the sale uploaded to this fair before
 * @param priceReason required when a unit price is above the SKU's list price
 */
public record FairSaleRequest(
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid FairSaleItem> items,
        @NotNull @Size(min = 1, max = 9) List<@NotNull @Positive Long> evidenceIds,
        @Size(max = 200) String priceReason) {
}
