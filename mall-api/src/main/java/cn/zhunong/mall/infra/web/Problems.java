package cn.zhunong.mall.infra.web;

import cn.zhunong.common.web.RequestIdFilter;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem+json bodies used by every error path, so they all look the same. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setType(URI.create("https://zhunong.cn/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        String requestId = RequestIdFilter.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }
}
