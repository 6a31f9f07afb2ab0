package cn.zhunong.mall.registry.streamer;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "主播")
@RestController
@RequestMapping("/api/v1/streamers")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class StreamerController {

    private final StreamerService service;

    public StreamerController(StreamerService service) {
        this.service = service;
    }

    @Operation(summary = "登记主播（须年满 16 周岁；机构人员登记的归属本机构）")
    @PostMapping
    public ResponseEntity<StreamerResponse> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody StreamerRequest request) {
        StreamerResponse created = service.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/streamers/" + created.id())).body(created);
    }

    @Operation(summary = "修改主播（身份证号不可修改）")
    @PutMapping("/{id}")
    public StreamerResponse update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody StreamerUpdateRequest request) {
        return service.update(user, id, request);
    }

    @Operation(summary = "查看主播（身份证号仅显示掩码）")
    @GetMapping("/{id}")
    public StreamerResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.get(user, id);
    }

    @Operation(summary = "主播列表（按昵称搜索、按地区代码前缀筛选）")
    @GetMapping
    public PageResult<StreamerResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid StreamerFilter filter,
            @Valid PageQuery page) {
        return service.list(user, filter, page);
    }

    @Operation(summary = "查看完整身份证号（需专门授权，记入审计日志）")
    @GetMapping("/{id}/identity")
    public StreamerIdentityResponse identity(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @NotBlank @Size(min = 2, max = 200) String purpose) {
        return service.revealIdentity(user, id, purpose);
    }
}
