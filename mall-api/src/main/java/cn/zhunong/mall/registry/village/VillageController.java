package cn.zhunong.mall.registry.village;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "村庄")
@RestController
@RequestMapping("/api/v1/villages")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class VillageController {

    private final VillageService service;

    public VillageController(VillageService service) {
        this.service = service;
    }

    @Operation(summary = "登记村庄（机构人员只能登记到本机构）")
    @PostMapping
    public ResponseEntity<VillageResponse> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody VillageRequest request) {
        VillageResponse created = service.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/villages/" + created.id())).body(created);
    }

    @Operation(summary = "修改村庄")
    @PutMapping("/{id}")
    public VillageResponse update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody VillageRequest request) {
        return service.update(user, id, request);
    }

    @Operation(summary = "查看村庄（含当前标记和标记历史）")
    @GetMapping("/{id}")
    public VillageResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.get(user, id);
    }

    @Operation(summary = "村庄列表（按名称、县、行政区划前缀、当前标记筛选）")
    @GetMapping
    public PageResult<VillageResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid VillageFilter filter,
            @Valid PageQuery page) {
        return service.list(user, filter, page);
    }

    @Operation(summary = "为村庄添加标记期间（同一标记的期间不能重叠）")
    @PostMapping("/{id}/flags")
    @ResponseStatus(HttpStatus.CREATED)
    public VillageResponse addFlag(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody VillageFlagRequest request) {
        return service.addFlag(user, id, request);
    }

    @Operation(summary = "设置标记的截止日期")
    @PutMapping("/{id}/flags/{flagId}/end")
    public VillageResponse endFlag(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long flagId, @Valid @RequestBody EndFlagRequest request) {
        return service.endFlag(user, id, flagId, request.effectiveTo());
    }
}
