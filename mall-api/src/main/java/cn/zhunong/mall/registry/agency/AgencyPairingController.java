package cn.zhunong.mall.registry.agency;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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

@Tag(name = "牵手计划")
@RestController
@RequestMapping("/api/v1/agency-pairings")
public class AgencyPairingController {

    private final AgencyPairingService service;

    public AgencyPairingController(AgencyPairingService service) {
        this.service = service;
    }

    @Operation(summary = "建立牵手对子（同一计划内一对一，不能自我结对）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Secured("ROLE_PLATFORM_ADMIN")
    public AgencyPairingResponse create(@Valid @RequestBody AgencyPairingRequest request) {
        return service.create(request);
    }

    @Operation(summary = "结束牵手对子")
    @PutMapping("/{id}/end")
    @Secured("ROLE_PLATFORM_ADMIN")
    public AgencyPairingResponse end(@PathVariable long id, @Valid @RequestBody EndPairingRequest request) {
        return service.end(id, request.endDate());
    }

    @Operation(summary = "牵手对子列表（机构人员只看本机构参与的）")
    @GetMapping
    @Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
    public PageResult<AgencyPairingResponse> list(@AuthenticationPrincipal CurrentUser user,
            @Valid AgencyPairingFilter filter, @Valid PageQuery page) {
        return service.list(user, filter, page);
    }
}
