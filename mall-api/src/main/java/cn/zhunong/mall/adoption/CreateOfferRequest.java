package cn.zhunong.mall.adoption;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of POST /agency/adoption-offers.
 *
 * @param skuId         a SKU of the agency's catalog whose household is {@code householdId}: the orders carry it
 * @param expectedYield expected yield of ONE item, in {@code yieldUnit} (up to 3 decimals)
 * @param priceFen      price of one item
 * @param totalItems    how many items can be adopted
 */
public record CreateOfferRequest(
        @NotNull @Positive Long villageId,
        @NotNull @Positive Long householdId,
        @NotNull @Positive Long skuId,
        @NotNull OfferKind kind,
        @NotBlank @Size(max = 60) String title,
        @NotBlank @Size(max = 200) String subject,
        @NotNull LocalDate harvestDate,
        @NotNull @DecimalMin(value = "0.001", message = "预计产量须大于 0") @DecimalMax("1000000")
        @Digits(integer = 7, fraction = 3) BigDecimal expectedYield,
        @NotNull YieldUnit yieldUnit,
        @NotBlank @Size(max = 300) String delivery,
        @NotNull @Min(1) @Max(10_000_000_000L) Long priceFen,
        @NotNull @Min(1) @Max(100_000) Integer totalItems) {
}
