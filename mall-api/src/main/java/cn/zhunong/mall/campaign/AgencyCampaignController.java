package cn.zhunong.mall.campaign;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "助农活动（机构）")
@RestController
@RequestMapping("/api/v1/agency/campaigns")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class AgencyCampaignController {

    private final CampaignService campaigns;

    public AgencyCampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(summary = "创建活动（以购代捐、村村播 家家富、本地助农、展销会）")
    @PostMapping
    public ResponseEntity<CampaignResponse> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody CampaignRequest request) {
        CampaignResponse created = campaigns.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/agency/campaigns/" + created.id())).body(created);
    }

    @GetMapping
    public PageResult<CampaignResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return campaigns.list(user, page);
    }

    @GetMapping("/{id}")
    public CampaignResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return campaigns.get(user, id);
    }

    @PutMapping("/{id}")
    public CampaignResponse update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody CampaignRequest request) {
        return campaigns.update(user, id, request);
    }

    @DeleteMapping("/{id}")
    public CampaignResponse cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return campaigns.cancel(user, id);
    }

    @Operation(summary = "活动进度：按日的销售额、件数、买家数（已付减已退）与账本记入的农户增收、受益户数，对照目标")
    @GetMapping("/{id}/progress")
    public CampaignProgress progress(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return campaigns.progress(user, id);
    }
}
