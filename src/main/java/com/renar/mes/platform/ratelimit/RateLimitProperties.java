package com.renar.mes.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request budgets per client IP address.
 *
 * @param enabled {@code MES_RATE_LIMIT_ENABLED}; false lets every request through
 * @param requestsPerMinute {@code MES_RATE_LIMIT_PER_MINUTE}: the budget for everything under {@code /api/}
 * @param loginRequestsPerMinute {@code MES_LOGIN_RATE_LIMIT_PER_MINUTE}: a separate, stricter budget for login,
 *     the one endpoint where guessing passwords pays
 */
@ConfigurationProperties("mes.rate-limit")
record RateLimitProperties(boolean enabled, int requestsPerMinute, int loginRequestsPerMinute) {

    RateLimitProperties {
        if (enabled && (requestsPerMinute <= 0 || loginRequestsPerMinute <= 0)) {
            throw new IllegalStateException("MES_RATE_LIMIT_PER_MINUTE and MES_LOGIN_RATE_LIMIT_PER_MINUTE must be"
                    + " positive; set MES_RATE_LIMIT_ENABLED=false to turn rate limiting off");
        }
    }

    BucketConfiguration api() {
        return perMinute(requestsPerMinute);
    }

    BucketConfiguration login() {
        return perMinute(loginRequestsPerMinute);
    }

    /**
     * A full bucket of {@code n} tokens refilled smoothly ({@code n} per minute), so a client that used its budget
     * gets one request back every {@code 60/n} seconds instead of a burst at the top of the minute.
     */
    private static BucketConfiguration perMinute(int n) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(n)
                        .refillGreedy(n, Duration.ofMinutes(1))
                        .build())
                .build();
    }
}
