package cn.zhunong.mall.adoption;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of POST /agency/adoptions/{id}/harvest-delivery.
 *
 * @param deliveredQuantity total delivered to the adopter, in the offer's yield unit. Must be positive: a harvest
 *                          that failed is not "delivered" (that would release the household's income); the
 *                          adopter's refund goes through the ordinary refund application, reviewed by the agency
 * @param evidence          what proves it: courier numbers, signed receipt, photo references
 */
public record HarvestDeliveryRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "交付数量须大于 0；绝收请走退款") @Digits(integer = 9, fraction = 3) BigDecimal deliveredQuantity,
        @NotNull LocalDate deliveredOn,
        @NotBlank @Size(max = 500) String evidence) {
}
