package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.registry.validation.ValidCreditCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of PUT /enterprise/purchases/{id}/invoice: 发票抬头 and 纳税人识别号 (统一社会信用代码). */
public record InvoiceRequest(@NotBlank @Size(max = 100) String title, @NotBlank @ValidCreditCode String taxId) {
}
