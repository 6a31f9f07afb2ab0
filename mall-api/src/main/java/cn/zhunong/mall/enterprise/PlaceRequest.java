package cn.zhunong.mall.enterprise;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of POST /enterprise/purchases/{id}/place: ALIPAY (each order paid online) or BANK_TRANSFER (对公转账). */
public record PlaceRequest(
        @NotNull @Pattern(regexp = "ALIPAY|BANK_TRANSFER", message = "须为 ALIPAY 或 BANK_TRANSFER") String paymentMethod) {
}
