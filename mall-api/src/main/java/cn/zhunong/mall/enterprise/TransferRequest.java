package cn.zhunong.mall.enterprise;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Body of POST /enterprise/purchases/{id}/bank-transfer: the bank's reference of the transfer (流水号). */
public record TransferRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{6,64}", message = "须为 6–64 位字母、数字、下划线或连字符") String reference) {
}
