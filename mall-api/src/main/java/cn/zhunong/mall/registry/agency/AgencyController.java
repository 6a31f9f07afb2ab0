package cn.zhunong.mall.registry.agency;

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

@Tag(name = "机构")
@RestController
@RequestMapping("/api/v1/agencies")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class AgencyController {

    private final AgencyService service;

    public AgencyController(AgencyService service) {
        this.service = service;
    }

    @Operation(summary = "登记机构")
    @PostMapping
    @Secured("ROLE_PLATFORM_ADMIN")
    public ResponseEntity<AgencyResponse> create(@Valid @RequestBody AgencyRequest request) {
        AgencyResponse created = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + created.id())).body(created);
    }

    @Operation(summary = "修改机构")
    @PutMapping("/{id}")
    @Secured("ROLE_PLATFORM_ADMIN")
    public AgencyResponse update(@PathVariable long id, @Valid @RequestBody AgencyRequest request) {
        return service.update(id, request);
    }

    @Operation(summary = "查看机构")
    @GetMapping("/{id}")
    public AgencyResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return service.get(user, id);
    }

    @Operation(summary = "机构列表（按名称搜索、按地区代码前缀和类型筛选）")
    @GetMapping
    public PageResult<AgencyResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid AgencyFilter filter,
            @Valid PageQuery page) {
        return service.list(user, filter, page);
    }
}
