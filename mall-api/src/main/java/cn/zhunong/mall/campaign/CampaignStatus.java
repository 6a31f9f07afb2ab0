package cn.zhunong.mall.campaign;

/** A cancelled campaign disappears from the public pages; its orders keep their code. */
public enum CampaignStatus {
    ACTIVE,
    CANCELLED
}
