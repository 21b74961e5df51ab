package com.renar.mes.platform.ratelimit;

import com.renar.mes.platform.web.Problems;
import com.renar.mes.shared.ProblemType;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests to {@code /api/} per client IP address: one budget for the API and a separate, stricter one for
 * {@code POST /api/v1/auth/login}. A client over its budget gets {@code 429 rate-limited} with {@code Retry-After}
 * in whole seconds. It runs right after Spring Security: login (public) is always counted, other API requests once
 * their token was accepted (those without one are refused by security at no more cost than a 429).
 *
 * <p>The client is {@link HttpServletRequest#getRemoteAddr()}. Behind a reverse proxy that is the proxy, so all
 * clients would share one budget: configure Tomcat to take the client address from the proxy's header
 * ({@code server.forward-headers-strategy=native}, i.e. its RemoteIpValve, which only believes {@code
 * X-Forwarded-For} from trusted internal proxies). This filter never reads {@code X-Forwarded-For} itself, since
 * any client could write one and pick a fresh budget per request.
 *
 * <p>When the bucket store fails (Redis down) the request goes through: losing the limit for a while is better
 * than refusing the plant floor. The failure is logged at most once a minute.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String API_PREFIX = "/api/";
    static final String LOGIN_PATH = "/api/v1/auth/login";
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final boolean enabled;
    private final BucketConfiguration api;
    private final BucketConfiguration login;
    private final BucketStore buckets;
    private final Problems problems;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressedWarnings = new AtomicLong();

    RateLimitFilter(RateLimitProperties properties, BucketStore buckets, Problems problems) {
        this.enabled = properties.enabled();
        this.api = properties.api();
        this.login = properties.login();
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !path(request).startsWith(API_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isLogin = "POST".equals(request.getMethod()) && LOGIN_PATH.equals(path(request));
        String key = (isLogin ? "login:" : "api:") + request.getRemoteAddr();
        ConsumptionProbe probe;
        try {
            probe = buckets.tryConsume(key, isLogin ? login : api);
        } catch (RuntimeException e) {
            warnRarely(e);
            chain.doFilter(request, response);
            return;
        }
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(
                request,
                response,
                ProblemType.RATE_LIMITED,
                "Too many requests from this client" + (isLogin ? " to log in" : "") + "; try again in " + seconds
                        + " s");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private void warnRarely(RuntimeException e) {
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
            long suppressed = suppressedWarnings.getAndSet(0);
            log.warn(
                    "Rate limit not applied, letting requests through: the bucket store failed ({}){}",
                    e.toString(),
                    suppressed > 0 ? " (" + suppressed + " more failures since the last warning)" : "");
        } else {
            suppressedWarnings.incrementAndGet();
        }
    }
}
