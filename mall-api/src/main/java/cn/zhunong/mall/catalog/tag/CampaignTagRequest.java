package cn.zhunong.mall.catalog.tag;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST/PUT /admin/campaign-tags; {@code code} appears in storefront URLs (?campaign=code). */
public record CampaignTagRequest(
        @NotBlank @Pattern(regexp = CampaignTagRequest.CODE, message = "须为 2–32 位小写字母、数字、- 或 _，以字母或数字开头")
        String code,
        @NotBlank @Size(max = 32) String name,
        @Min(0) @Max(9999) Integer sortOrder) {

    public static final String CODE = "^[a-z0-9][a-z0-9_-]{1,31}$";
}
