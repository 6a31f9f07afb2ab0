package cn.zhunong.mall.enterprise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of POST /enterprise/purchases: the total units wanted per SKU. No price field: the quote
 * prices them from the catalog and the agency's tiers. Every recipient later gets quantity / N.
 */
public record QuoteRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Item> items) {

    public record Item(@NotNull @Positive Long skuId,
            @NotNull @Min(value = 1, message = "数量至少为 1") @Max(value = 999_999, message = "数量不能超过 999999") Integer quantity) {
    }
}
