package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "admin-users")
@RestController
@RequestMapping("/api/v1/admin/users")
@Secured("ROLE_PLATFORM_ADMIN")
public class AdminUserController {

    private final AdminUserService users;

    public AdminUserController(AdminUserService users) {
        this.users = users;
    }

    @Operation(summary = "Create a host, agency staff or admin account")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public AccountView create(@AuthenticationPrincipal CurrentUser admin, @Valid @RequestBody CreateUserRequest request) {
        return users.create(admin, request);
    }

    @Operation(summary = "List accounts, optionally by role and search text")
    @GetMapping
    public PageResult<AccountView> list(@Valid PageQuery page, @RequestParam(required = false) Role role,
            @RequestParam(required = false) @Size(max = 64, message = "搜索词过长") String q) {
        return users.list(page, role, q);
    }

    @GetMapping("/{id}")
    public AccountView get(@PathVariable long id) {
        return users.get(id);
    }

    @Operation(summary = "Enable or disable an account; disabling ends its sessions")
    @PutMapping("/{id}/status")
    public AccountView setStatus(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @Valid @RequestBody UserStatusRequest request) {
        return users.setEnabled(admin, id, request.enabled());
    }

    @Operation(summary = "Grant or withdraw the permission to reveal full personal values")
    @PutMapping("/{id}/pii-permission")
    public AccountView setPiiPermission(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @Valid @RequestBody PiiPermissionRequest request) {
        return users.setPiiPermission(admin, id, request.canViewPii());
    }
}
