package cn.zhunong.mall.order.refund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /agency/refunds/{id}/reject. */
public record RefundRejection(@NotBlank @Size(max = 200) String reason) {
}
