package cn.zhunong.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void generatedIdsAre32HexDigitsAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdFilter.newId();
            assertThat(id).matches("[0-9a-f]{32}");
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void keepsAWellFormedIncomingIdAndReplacesABadOne() throws Exception {
        assertThat(idAnswered("trace-1234.abc")).isEqualTo("trace-1234.abc");
        assertThat(idAnswered("bad id\r\nX-Evil: 1")).matches("[0-9a-f]{32}");
        assertThat(idAnswered(null)).matches("[0-9a-f]{32}");
    }

    private String idAnswered(String incoming) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        if (incoming != null) {
            request.addHeader(RequestIdFilter.HEADER, incoming);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getHeader(RequestIdFilter.HEADER);
    }
}
