package cn.zhunong.mall.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /agency/orders/{id}/ship. */
public record ShipRequest(
        @NotBlank @Size(max = 32) String carrier,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{6,40}", message = "须为 6–40 位字母、数字或连字符") String trackingNo) {
}
