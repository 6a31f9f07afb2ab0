package cn.zhunong.mall.catalog.category;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of POST/PUT /admin/categories; {@code parentId} must be a top-level category, absent for a top-level one. */
public record CategoryRequest(
        @Positive Long parentId,
        @NotBlank @Size(max = 32) String name,
        @Min(0) @Max(9999) Integer sortOrder) {
}
