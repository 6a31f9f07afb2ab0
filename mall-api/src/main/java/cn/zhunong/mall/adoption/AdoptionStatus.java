package cn.zhunong.mall.adoption;

/**
 * RESERVED: the adoption holds its items (its order is unpaid or paid); RELEASED: the order closed
 * unpaid and the items went back to the offer; DELIVERED: the harvest was delivered and recorded.
 */
public enum AdoptionStatus {
    RESERVED,
    RELEASED,
    DELIVERED
}
