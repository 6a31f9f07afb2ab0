package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.registry.validation.ValidCreditCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /admin/enterprise/orgs. */
public record CreateOrgRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @ValidCreditCode String creditCode,
        @NotBlank @Size(max = 50) String contactName,
        @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "须为 11 位手机号") String contactPhone) {
}
