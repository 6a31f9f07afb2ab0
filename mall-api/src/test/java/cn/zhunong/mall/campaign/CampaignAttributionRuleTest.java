package cn.zhunong.mall.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.campaign.CampaignAttribution.CandidateLine;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-line attribution rule, without Spring. */
class CampaignAttributionRuleTest {

    private static CandidateLine line(long product, boolean byCode, boolean byLive, boolean tagged) {
        return new CandidateLine(1, 2, Instant.EPOCH, 3, product, 1, 100, 0, false, byCode, byLive, tagged);
    }

    @Test
    void aLineCountsWhenReachedByARuleAndInTheCampaignsScope() {
        Set<Long> none = Set.of();
        assertThat(CampaignAttribution.counts(line(7, true, false, false), none)).isTrue();
        assertThat(CampaignAttribution.counts(line(7, false, true, false), none)).isTrue();
        assertThat(CampaignAttribution.counts(line(7, false, false, true), none)).isTrue();
        assertThat(CampaignAttribution.counts(line(7, true, true, true), none)).as("several rules: still one line").isTrue();
        assertThat(CampaignAttribution.counts(line(7, false, false, false), none)).as("a tag-matched order's other lines").isFalse();
    }

    @Test
    void namedProductsNarrowTheScopeButATaggedProductIsAlwaysInIt() {
        Set<Long> named = Set.of(5L);
        assertThat(CampaignAttribution.counts(line(5, true, false, false), named)).isTrue();
        assertThat(CampaignAttribution.counts(line(7, true, false, false), named)).isFalse();
        assertThat(CampaignAttribution.counts(line(7, false, true, false), named)).isFalse();
        assertThat(CampaignAttribution.counts(line(7, false, false, true), named)).isTrue();
    }
}
