package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.CurrentUserAuthentication;
import cn.zhunong.mall.infra.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private final AccountService accounts;
    private final AuthService auth;

    public AuthController(AccountService accounts, AuthService auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    @Operation(summary = "Citizen sign-up with phone and password")
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    public AccountView register(@Valid @RequestBody RegisterRequest request) {
        return accounts.register(request);
    }

    @Operation(summary = "Log in; returns an access token and a refresh token")
    @PostMapping("/login")
    public TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        // the socket's peer address: X-Forwarded-For is not trusted, any client could forge it
        return auth.login(request, http.getRemoteAddr());
    }

    @Operation(summary = "Exchange a refresh token for a new token pair (the old one is used up)")
    @PostMapping("/refresh")
    public TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    @Operation(summary = "Log out: revoke this access token and, if given, the refresh token")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(CurrentUserAuthentication authentication, @Valid @RequestBody(required = false) LogoutRequest request) {
        auth.logout(authentication.getPrincipal(), authentication.jwt(), request == null ? null : request.refreshToken());
    }

    @Operation(summary = "Change the own password; every session ends")
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changePassword(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ChangePasswordRequest request,
            HttpServletRequest http) {
        accounts.changePassword(user, request, http.getRemoteAddr());
    }

    /** 429 with the wait both as a header and in the body. */
    @ExceptionHandler(LoginLockedException.class)
    ResponseEntity<ProblemDetail> locked(LoginLockedException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }
}
