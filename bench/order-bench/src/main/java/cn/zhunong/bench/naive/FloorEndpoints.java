package cn.zhunong.bench.naive;

import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * BENCHMARK ONLY: the floors the order figures are read against. {@code GET /bench/noop} is
 * answered by a servlet filter ahead of everything else (Tomcat and the load generator alone);
 * {@code GET /bench/ping} is an authenticated controller returning a constant (Tomcat, Spring
 * Security with the JWT and revocation check, Spring MVC; no JSON, no Redis read of its own).
 */
@Configuration
@RestController
public class FloorEndpoints {

    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    @Bean
    FilterRegistrationBean<Filter> benchNoop() {
        Filter noop = (request, response, chain) -> {
            response.setContentType("text/plain");
            response.setContentLength(OK.length);
            response.getOutputStream().write(OK);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(noop);
        registration.addUrlPatterns("/bench/noop");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @GetMapping("/bench/ping")
    public String ping() {
        return "ok";
    }
}
