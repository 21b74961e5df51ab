package com.renar.mes.platform.web;

import static net.logstash.logback.argument.StructuredArguments.kv;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request: method, path, status, duration, user, client IP and request id. The values are
 * structured arguments, so the JSON log has them as fields ({@code method}, {@code path}, {@code status}, {@code
 * durationMs}, {@code user}, {@code clientIp}; {@code requestId} comes from the logging context). Runs right after
 * {@link RequestIdFilter} and outside everything else (security included), so rejected requests (401, 403, 413,
 * 429) are logged too.
 *
 * <p>Never logged: bodies, headers (the {@code Authorization} token in particular) and the query string. API
 * requests are logged at INFO; anything else (health probes, OpenAPI, unknown paths) at DEBUG, so the probes of a
 * load balancer do not drown the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                String requestId = MDC.get(RequestIdFilter.MDC_KEY);
                request.getAsyncContext().addListener(new LogWhenDone(request, response, start, requestId));
            } else {
                write(request, failed ? 500 : response.getStatus(), start, MDC.get(RequestIdFilter.MDC_KEY));
            }
        }
    }

    static void write(HttpServletRequest request, int status, long startNanos, String requestId) {
        String path = request.getRequestURI();
        boolean api = path.startsWith("/api/");
        if (api ? !log.isInfoEnabled() : !log.isDebugEnabled()) {
            return;
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        Object[] arguments = {
            kv("method", request.getMethod()),
            kv("path", path),
            kv("status", status),
            kv("durationMs", millis),
            kv("user", RequestUser.of(request)),
            kv("clientIp", request.getRemoteAddr()),
            requestId == null ? "-" : requestId
        };
        if (api) {
            log.info("{} {} {} {} {} {} requestId={}", arguments);
        } else {
            log.debug("{} {} {} {} {} {} requestId={}", arguments);
        }
    }

    /** Async requests finish after the filter returned: log when they do, with the id of the request. */
    private record LogWhenDone(
            HttpServletRequest request, HttpServletResponse response, long startNanos, String requestId)
            implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            String previous = MDC.get(RequestIdFilter.MDC_KEY);
            if (requestId != null) {
                MDC.put(RequestIdFilter.MDC_KEY, requestId);
            }
            try {
                write(request, response.getStatus(), startNanos, requestId);
            } finally {
                if (previous == null) {
                    MDC.remove(RequestIdFilter.MDC_KEY);
                } else {
                    MDC.put(RequestIdFilter.MDC_KEY, previous);
                }
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
