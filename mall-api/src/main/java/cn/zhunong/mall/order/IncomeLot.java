package cn.zhunong.mall.order;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source lot as snapshotted on an order line: who supplied the units and how they earn from a
 * sale (a purchase price per unit or a share of the line in basis points, never both).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncomeLot(long lotId, long householdId, Long purchasePriceFen, Integer incomeShareBp, int unitsAvailable) {
}
