package cn.zhunong.mall.infra.security;

import cn.zhunong.mall.infra.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.ObjectMapper;

/** 401 and 403 from the security filter chain, as problem+json like every other error. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint entryPoint(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpStatus.UNAUTHORIZED,
                isBadToken(e) ? "TOKEN_INVALID" : "UNAUTHENTICATED",
                isBadToken(e) ? "登录凭证无效或已过期，请重新登录" : "请先登录");
    }

    static AccessDeniedHandler accessDenied(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "无权执行此操作");
    }

    private static boolean isBadToken(AuthenticationException e) {
        return e instanceof InvalidBearerTokenException || e.getClass().getSimpleName().startsWith("OAuth2");
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), Problems.of(status, code, message));
    }
}
