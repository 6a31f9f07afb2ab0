package cn.zhunong.mall.live;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.live.stream.StreamUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "直播场次")
@RestController
@RequestMapping("/api/v1/live-sessions")
public class LiveSessionController {

    private final LiveSessionService service;

    public LiveSessionController(LiveSessionService service) {
        this.service = service;
    }

    @Operation(summary = "安排直播（结对主播或村庄所属机构）")
    @PostMapping
    @Secured({"ROLE_HOST", "ROLE_AGENCY_STAFF", "ROLE_PLATFORM_ADMIN"})
    public ResponseEntity<LiveSessionResponse> schedule(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody ScheduleLiveSessionRequest request) {
        LiveSessionResponse created = service.schedule(user, request);
        return ResponseEntity.created(URI.create("/api/v1/live-sessions/" + created.id())).body(created);
    }

    @Operation(summary = "直播列表（公开）")
    @GetMapping
    public PageResult<LiveSessionResponse> list(@RequestParam(required = false) LiveSessionStatus status,
            @RequestParam(required = false) @Positive Long villageId, @RequestParam(required = false) @Positive Long streamerId,
            @Valid PageQuery page) {
        return service.list(status, villageId, streamerId, page);
    }

    @Operation(summary = "直播详情与小黄车（公开）")
    @GetMapping("/{id}")
    public LiveSessionResponse get(@PathVariable long id) {
        return service.get(id);
    }

    @Operation(summary = "开播")
    @PostMapping("/{id}/start")
    @PreAuthorize("isAuthenticated()")
    public LiveSessionResponse start(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.transition(user, id, LiveSessionStatus.LIVE);
    }

    @Operation(summary = "下播")
    @PostMapping("/{id}/end")
    @PreAuthorize("isAuthenticated()")
    public LiveSessionResponse end(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.transition(user, id, LiveSessionStatus.ENDED);
    }

    @Operation(summary = "取消未开播的直播")
    @PostMapping("/{id}/cancel")
    @PreAuthorize("isAuthenticated()")
    public LiveSessionResponse cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.transition(user, id, LiveSessionStatus.CANCELLED);
    }

    @Operation(summary = "设置小黄车（整体替换，按顺序）")
    @PutMapping("/{id}/shelf")
    @PreAuthorize("isAuthenticated()")
    public LiveSessionResponse shelf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ShelfRequest request) {
        return service.replaceShelf(user, id, request.skuIds());
    }

    @Operation(summary = "签名的推流/拉流地址（推流地址仅主播与所属机构可见）")
    @GetMapping("/{id}/stream-urls")
    public StreamUrls streamUrls(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.streamUrls(user, id);
    }
}
