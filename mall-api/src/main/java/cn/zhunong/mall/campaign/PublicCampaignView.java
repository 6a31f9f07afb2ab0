package cn.zhunong.mall.campaign;

import java.time.Instant;
import java.util.List;

/** The public campaign page: the approved wording, what it covers, and its progress in aggregate only. */
public record PublicCampaignView(String code, CampaignType type, String typeLabel, String name, String organiserName,
        String approvedWording, Instant startsAt, Instant endsAt, List<Named> villages, List<Named> products,
        CampaignProgress progress) {

    public record Named(long id, String name) {
    }
}
