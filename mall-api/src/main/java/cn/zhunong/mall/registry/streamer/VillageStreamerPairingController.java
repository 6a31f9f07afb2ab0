package cn.zhunong.mall.registry.streamer;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "村播结对")
@RestController
@RequestMapping("/api/v1/village-streamer-pairings")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class VillageStreamerPairingController {

    private final VillageStreamerPairingService service;

    public VillageStreamerPairingController(VillageStreamerPairingService service) {
        this.service = service;
    }

    @Operation(summary = "村庄与主播结对（同一村与主播同时只能有一个生效结对）")
    @PostMapping
    public ResponseEntity<VillageStreamerPairingResponse> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody VillageStreamerPairingRequest request) {
        VillageStreamerPairingResponse created = service.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/village-streamer-pairings/" + created.id())).body(created);
    }

    @Operation(summary = "变更结对状态（ACTIVE↔SUSPENDED，→ENDED 为终态）")
    @PutMapping("/{id}/status")
    public VillageStreamerPairingResponse changeStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody PairingStatusRequest request) {
        return service.changeStatus(user, id, request.status());
    }

    @Operation(summary = "查看结对")
    @GetMapping("/{id}")
    public VillageStreamerPairingResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.get(user, id);
    }

    @Operation(summary = "结对列表（按村庄、主播、状态筛选）")
    @GetMapping
    public PageResult<VillageStreamerPairingResponse> list(@AuthenticationPrincipal CurrentUser user,
            @Valid VillageStreamerPairingFilter filter, @Valid PageQuery page) {
        return service.list(user, filter, page);
    }
}
