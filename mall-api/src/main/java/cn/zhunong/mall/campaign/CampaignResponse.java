package cn.zhunong.mall.campaign;

import java.time.Instant;
import java.util.List;

/** A campaign as its organiser sees it. */
public record CampaignResponse(long id, String code, CampaignType type, String typeLabel, String name, long organiserAgencyId,
        Instant startsAt, Instant endsAt, Long targetGmvFen, Long targetUnits, Integer targetHouseholds, String approvedWording,
        CampaignStatus status, List<Long> villageIds, List<Long> productIds, String productTagCode, Instant createdAt, Instant updatedAt) {

    static CampaignResponse of(Campaign c, List<Long> villageIds, List<Long> productIds, String productTagCode) {
        return new CampaignResponse(c.getId(), c.getCode(), c.getType(), c.getType().label(), c.getName(),
                c.getOrganiserAgencyId(), c.getStartsAt(), c.getEndsAt(), c.getTargetGmvFen(), c.getTargetUnits(),
                c.getTargetHouseholds(), c.getApprovedWording(), c.getStatus(), villageIds, productIds, productTagCode, c.getCreatedAt(),
                c.getUpdatedAt());
    }
}
