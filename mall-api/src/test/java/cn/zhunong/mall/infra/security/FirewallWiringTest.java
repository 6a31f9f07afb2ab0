package cn.zhunong.mall.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.ApiTest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;

/** The security filter chain runs the strict firewall with the loop predicates, and a header value with a control character is still answered 400 when read. */
class FirewallWiringTest extends ApiTest {

    @Autowired
    FilterChainProxy securityFilters;

    @Test
    void theFilterChainUsesTheLoopPredicates() {
        // the bean is Spring Security's CompositeFilterChainProxy: the firewall is on the FilterChainProxy inside it
        Object inner = ReflectionTestUtils.getField(securityFilters, "springSecurityFilterChain");
        Object firewall = ReflectionTestUtils.getField(inner, "firewall");
        assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderNames")).isSameAs(HeaderCharacters.NAMES);
        assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderValues")).isSameAs(HeaderCharacters.VALUES);
    }

    @Test
    void aHeaderValueWithAControlCharacterIsAnswered400WhenRead() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        MockHttpServletRequest good = request("中文 and\ttab");
        securityFilters.doFilter(good, new MockHttpServletResponse(), (req, res) ->
                seen.set(((HttpServletRequest) req).getHeader("X-Note")));
        assertThat(seen.get()).isEqualTo("中文 and\ttab");

        MockHttpServletRequest bad = request("bell\u0007");
        MockHttpServletResponse rejected = new MockHttpServletResponse();
        securityFilters.doFilter(bad, rejected, (req, res) -> seen.set(((HttpServletRequest) req).getHeader("X-Note")));
        assertThat(rejected.getStatus()).isEqualTo(400);
        assertThat(seen.get()).isEqualTo("中文 and\ttab");
    }

    private static MockHttpServletRequest request(String note) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/categories");
        request.setServletPath("/api/v1/categories");
        request.addHeader("X-Note", note);
        return request;
    }
}
