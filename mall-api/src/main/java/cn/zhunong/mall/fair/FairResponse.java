package cn.zhunong.mall.fair;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record FairResponse(long id, long agencyId, String name, String place, LocalDate date, List<Long> villageIds,
        String campaignCode, String contactPhoneMasked, Instant createdAt) {

    static FairResponse of(SalesFair f, List<Long> villages) {
        return new FairResponse(f.getId(), f.getAgencyId(), f.getName(), f.getPlace(), f.getFairDate(), villages,
                f.getCampaignCode(), f.getContactPhoneMasked(), f.getCreatedAt());
    }
}
