package cn.zhunong.mall.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of POST and PUT /agency/campaigns.
 *
 * @param code the attribution code orders carry (same format as an order's campaignCode); fixed once created
 * @param organiserAgencyId required for a platform admin; staff organise for their own agency
 * @param productTagCode code of a catalog campaign tag: paid orders' lines of products carrying it count too
 * @param approvedWording the approved public text; like the name, it may never call the purchase a donation
 */
public record CampaignRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "须为 1–32 位字母、数字、下划线或连字符") String code,
        @NotNull CampaignType type,
        @NotBlank @Size(max = 60) String name,
        @Positive Long organiserAgencyId,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @Positive Long targetGmvFen,
        @Positive Long targetUnits,
        @Positive Integer targetHouseholds,
        @NotBlank @Size(max = 500) String approvedWording,
        @Size(max = 200) List<@NotNull @Positive Long> villageIds,
        @Size(max = 500) List<@NotNull @Positive Long> productIds,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "须为 1–32 位字母、数字、下划线或连字符") String productTagCode) {
}
