package cn.zhunong.mall.order;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Builds responses from entities; {@code forStaff} adds the income rule snapshot. */
@Component
public class OrderViews {

    private final ObjectMapper json;

    public OrderViews(ObjectMapper json) {
        this.json = json;
    }

    public OrderResponse of(Order o, List<OrderLine> lines, boolean forStaff) {
        return new OrderResponse(o.getId(), o.getOrderNo(), o.getStatus(), o.getAgencyId(), o.getGoodsFen(), o.getShippingFen(),
                o.getTotalFen(), nz(o.getPaidFen()), nz(o.getRefundedFen()),
                new OrderResponse.Receiver(o.getReceiverName(), o.getReceiverPhoneMasked(), o.getProvinceCode(), o.getReceiverAddress()),
                o.getBuyerNote(), new Attribution(o.getCampaignCode(), o.getLiveSessionId(), o.getStreamerId(), o.getGroupBuyId(),
                        o.getFlashSaleId()),
                o.getCreatedAt(), o.getExpiresAt(), o.getPaidAt(), o.getShippedAt(), o.getReceivedAt(), o.getCompletedAt(),
                o.getClosedAt(), o.getCloseReason(), o.getPayChannel(), o.getCarrier(), o.getTrackingNo(),
                lines.stream().map(l -> line(l, forStaff)).toList());
    }

    private OrderLineResponse line(OrderLine l, boolean forStaff) {
        List<IncomeLot> lots = null;
        if (forStaff && l.getHouseholdId() == null) {
            lots = l.getIncomeLots() == null ? List.of() : List.of(json.readValue(l.getIncomeLots(), IncomeLot[].class));
        }
        return new OrderLineResponse(l.getId(), l.getSkuId(), l.getProductId(), l.getProductName(), l.getSkuSpec(), l.getUnit(),
                l.getUnitPriceFen(), l.getQuantity(), l.getLineFen(), Boolean.TRUE.equals(l.getPerishable()),
                l.getRefundStatus(), nz(l.getRefundedFen()), forStaff ? l.getHouseholdId() : null, lots);
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }
}
