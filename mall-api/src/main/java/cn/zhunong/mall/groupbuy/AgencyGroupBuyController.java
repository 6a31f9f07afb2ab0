package cn.zhunong.mall.groupbuy;

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

@Tag(name = "拼团活动（机构）")
@RestController
@RequestMapping("/api/v1/agency/group-buy-activities")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class AgencyGroupBuyController {

    private final GroupBuyActivityService activities;

    public AgencyGroupBuyController(GroupBuyActivityService activities) {
        this.activities = activities;
    }

    @Operation(summary = "创建拼团活动（本机构商品规格）")
    @PostMapping
    public ResponseEntity<ActivityResponse> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody ActivityRequest request) {
        ActivityResponse created = activities.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/agency/group-buy-activities/" + created.id())).body(created);
    }

    @GetMapping
    public PageResult<ActivityResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return activities.list(user, page);
    }

    @GetMapping("/{id}")
    public ActivityResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return activities.get(user, id);
    }

    @Operation(summary = "修改拼团活动（对之后开的团生效）")
    @PutMapping("/{id}")
    public ActivityResponse update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ActivityRequest request) {
        return activities.update(user, id, request);
    }

    @Operation(summary = "取消拼团活动（不再开团或参团；进行中的团照常结束）")
    @DeleteMapping("/{id}")
    public ActivityResponse cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return activities.cancel(user, id);
    }
}
