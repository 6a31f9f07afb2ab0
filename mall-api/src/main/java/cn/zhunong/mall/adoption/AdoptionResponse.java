package cn.zhunong.mall.adoption;

import cn.zhunong.mall.order.OrderResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An adoption with its order (pay it through the ordinary payment endpoints). */
public record AdoptionResponse(long id, long offerId, String agreementNo, int items, AdoptionStatus status,
        BigDecimal deliveredQuantity, LocalDate deliveredOn, String deliveryEvidence, Instant deliveredAt, Instant createdAt,
        OrderResponse order) {

    static AdoptionResponse of(Adoption a, OrderResponse order) {
        return new AdoptionResponse(a.getId(), a.getOfferId(), a.getAgreementNo(), a.getItems(), a.getStatus(),
                Milli.toDecimal(a.getDeliveredMilli()), a.getDeliveredOn(), a.getDeliveryEvidence(), a.getDeliveredAt(),
                a.getCreatedAt(), order);
    }
}
