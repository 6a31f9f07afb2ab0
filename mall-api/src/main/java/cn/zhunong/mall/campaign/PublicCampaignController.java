package cn.zhunong.mall.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "助农活动（公开）")
@RestController
public class PublicCampaignController {

    private final CampaignService campaigns;
    private final VillageLiveService villageLive;

    public PublicCampaignController(CampaignService campaigns, VillageLiveService villageLive) {
        this.campaigns = campaigns;
        this.villageLive = villageLive;
    }

    @Operation(summary = "活动页（审定文案、帮扶村、商品、汇总进度；无个人信息）")
    @GetMapping("/api/v1/public/campaigns/{code}")
    public PublicCampaignView view(@PathVariable String code) {
        return campaigns.publicView(code);
    }

    @Operation(summary = "村村播 家家富：试点村、结对主播（在约）与直播场次（无个人信息）")
    @GetMapping("/api/v1/public/campaigns/{code}/village-live")
    public VillageLiveView villageLive(@PathVariable String code) {
        return villageLive.view(code);
    }
}
