package com.renar.mes.platform.ratelimit;

import com.renar.mes.platform.web.Problems;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Sends requests through a rate-limit filter the way Tomcat would, without a server. */
final class Clients {

    static final Problems PROBLEMS = new Problems(JsonMapper.builder().build());

    private Clients() {}

    static RateLimitFilter filter(int apiPerMinute, int loginPerMinute, BucketStore store) {
        return new RateLimitFilter(new RateLimitProperties(true, apiPerMinute, loginPerMinute), store, PROBLEMS);
    }

    static Exchange get(RateLimitFilter filter, String ip, String path) {
        return send(filter, "GET", ip, path);
    }

    static Exchange login(RateLimitFilter filter, String ip) {
        return send(filter, "POST", ip, RateLimitFilter.LOGIN_PATH);
    }

    static Exchange send(RateLimitFilter filter, String method, String ip, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(ip);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        try {
            filter.doFilter(request, response, chain);
        } catch (IOException | ServletException e) {
            throw new IllegalStateException(e);
        }
        return new Exchange(response, chain.getRequest() != null);
    }

    /** What the client got back, and whether the request reached the application behind the filter. */
    record Exchange(MockHttpServletResponse response, boolean passed) {

        int status() {
            return response.getStatus();
        }

        String body() {
            try {
                return response.getContentAsString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
