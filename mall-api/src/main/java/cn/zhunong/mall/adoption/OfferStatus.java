package cn.zhunong.mall.adoption;

/** OPEN: citizens may adopt; CLOSED: no new adoptions (existing ones go on). */
public enum OfferStatus {
    OPEN,
    CLOSED
}
