package cn.zhunong.mall.catalog.shipping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of POST/PUT /agency/shipping-templates. Fees in fen: FLAT needs {@code flatFeeFen}, BY_WEIGHT
 * needs {@code firstKgFeeFen} and {@code extraKgFeeFen}, FREE none; {@code freeOverFen} (free shipping
 * from this goods total) applies to FLAT and BY_WEIGHT. {@code excludedRegions}: 2-digit province codes
 * not served. {@code agencyId} cannot change on update.
 */
public record ShippingTemplateRequest(
        @NotNull @Positive Long agencyId,
        @NotBlank @Size(max = 50) String name,
        @NotNull ShippingMode mode,
        @PositiveOrZero @Max(MAX_FEE_FEN) Long flatFeeFen,
        @PositiveOrZero @Max(MAX_FEE_FEN) Long firstKgFeeFen,
        @PositiveOrZero @Max(MAX_FEE_FEN) Long extraKgFeeFen,
        @PositiveOrZero @Max(10_000_000_000L) Long freeOverFen,
        @Size(max = 34) List<@NotNull @Pattern(regexp = "\\d{2}", message = "须为 2 位省级行政区划代码") String> excludedRegions) {

    /** 10 000 yuan: far above any real parcel fee, low enough to catch a typo in fen. */
    public static final long MAX_FEE_FEN = 1_000_000L;
}
