package cn.zhunong.mall.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One line as shown to the buyer; agency staff also see the income rule snapshot
 * ({@code householdId} / {@code incomeLots}, absent for buyers).
 */
public record OrderLineResponse(long id, long skuId, long productId, String productName, String skuSpec, String unit,
        long unitPriceFen, int quantity, long lineFen, boolean perishable, LineRefundStatus refundStatus, long refundedFen,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long householdId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<IncomeLot> incomeLots) {
}
