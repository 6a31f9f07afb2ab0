package cn.zhunong.mall.groupbuy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Body of POST and PUT /agency/group-buy-activities. The SKU cannot change once created; the other
 * values apply to groups opened afterwards (a group keeps its size, an order its price).
 *
 * @param groupPriceFen unit price of a group order, at most the SKU's price
 * @param durationMinutes a group fails this long after its leader paid, unless full
 * @param perUserLimit units one citizen may hold in the activity's unpaid and paid group orders
 */
public record ActivityRequest(
        @NotNull @Positive Long skuId,
        @NotBlank @Size(max = 60) String title,
        @NotNull @Positive Long groupPriceFen,
        @NotNull @Min(value = 2, message = "成团人数至少 2 人") @Max(value = 100, message = "成团人数最多 100 人") Integer groupSize,
        @NotNull @Min(value = 5, message = "成团时限至少 5 分钟") @Max(value = 10080, message = "成团时限最多 7 天") Integer durationMinutes,
        @NotNull @Min(1) @Max(999) Integer perUserLimit,
        @NotNull FullGroupRule fullGroupRule,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt) {
}
