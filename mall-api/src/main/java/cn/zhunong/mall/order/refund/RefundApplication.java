package cn.zhunong.mall.order.refund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of POST /orders/{id}/refunds: one line, why, and photos (URLs of uploaded images). */
public record RefundApplication(
        @NotNull @Positive Long lineId,
        @NotNull ClaimType claimType,
        @NotBlank @Size(max = 200) String reason,
        @Size(max = 9) List<@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "须为图片地址") String> photos) {
}
