package cn.zhunong.mall.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Catalog settings (zhunong.catalog).
 *
 * @param cacheTtl          how long a cached product detail or list page may live at most
 * @param cachedListPages   list pages up to this number are cached; deeper pages always hit the database
 * @param lowStockThreshold a SKU with at most this many units left shows as LOW
 * @param maxImagesPerProduct images a listing may carry
 * @param certExpiryCron    when the job taking products with an expired certification off sale runs (Asia/Shanghai)
 */
@Validated
@ConfigurationProperties("zhunong.catalog")
public record CatalogProperties(
        @NotNull @DefaultValue("10m") Duration cacheTtl,
        @Min(0) @Max(20) @DefaultValue("3") int cachedListPages,
        @Min(0) @DefaultValue("10") int lowStockThreshold,
        @Min(1) @Max(50) @DefaultValue("9") int maxImagesPerProduct,
        @NotBlank @DefaultValue("0 1 * * * *") String certExpiryCron) {
}
