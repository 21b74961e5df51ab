package com.renar.mes.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class BodySizeLimitFilterTests {

    private static final int LIMIT = 100;

    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(
            new HttpProperties(DataSize.ofBytes(LIMIT), List.of()),
            new Problems(JsonMapper.builder().build()));
    private final AtomicInteger bytesRead = new AtomicInteger(-1);

    @Test
    void refusesADeclaredOversizedBodyWithoutReadingIt() throws Exception {
        MockHttpServletResponse response = post(request(LIMIT + 1), true);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("/problems/payload-too-large");
        assertThat(bytesRead).as("the application never ran").hasValue(-1);
    }

    @Test
    void passesABodyAtTheLimit() throws Exception {
        MockHttpServletResponse response = post(request(LIMIT), true);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(bytesRead).hasValue(LIMIT);
    }

    @Test
    void passesAChunkedBodyAtTheLimit() throws Exception {
        MockHttpServletResponse response = post(request(LIMIT), false);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(bytesRead).hasValue(LIMIT);
    }

    @Test
    void stopsReadingAChunkedBodyOncePastTheLimit() throws Exception {
        MockHttpServletResponse response = post(request(LIMIT * 10), false);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("/problems/payload-too-large");
        assertThat(bytesRead).as("the reader never finished").hasValue(-1);
    }

    @Test
    void leavesBodiesOutsideTheApiAlone() throws Exception {
        MockHttpServletRequest request = request(LIMIT * 10);
        request.setRequestURI("/health");
        assertThat(post(request, true).getStatus()).isEqualTo(200);
        assertThat(bytesRead).hasValue(LIMIT * 10);
    }

    private static MockHttpServletRequest request(int size) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/masterdata/items");
        request.setContentType("application/json");
        request.setContent(new byte[size]);
        return request;
    }

    /** Runs the filter in front of a servlet that reads the whole body, as a JSON reader would. */
    private MockHttpServletResponse post(MockHttpServletRequest request, boolean withContentLength)
            throws ServletException, IOException {
        HttpServletRequest sent = withContentLength ? request : new Chunked(request);
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServlet reader = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                bytesRead.set(req.getInputStream().readAllBytes().length);
            }
        };
        filter.doFilter(sent, response, new MockFilterChain(reader));
        return response;
    }

    /** A body of unknown length, as sent with {@code Transfer-Encoding: chunked}. */
    private static final class Chunked extends HttpServletRequestWrapper {
        Chunked(HttpServletRequest request) {
            super(request);
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Length".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }
    }
}
