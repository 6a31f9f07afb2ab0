package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "auth")
@RestController
public class MeController {

    private final AccountService accounts;

    public MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "The caller's own profile")
    @GetMapping("/api/v1/me")
    public AccountView me(@AuthenticationPrincipal CurrentUser user) {
        return accounts.me(user);
    }
}
